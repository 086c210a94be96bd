import type { AppRouter } from "@tessera/api";
import { TIER_LABELS } from "@tessera/domain";
import { Badge } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useDateFormat } from "./dates/use-date-format.ts";
import { LicenseStatusBadge } from "./license-badges.tsx";
import { LicenseOverage } from "./license-overage.tsx";

export type License = inferRouterOutputs<AppRouter>["licenses"]["get"];

const METRICS = [
  ["ACTIVE_USERS", "Active users"],
  ["COURSES", "Courses"],
  ["API_CALLS", "API calls / month"],
  ["STORAGE_BYTES", "Storage"],
] as const;

export const formatLimit = (metric: string, value: number | null) => {
  if (value === null) return "Unlimited";
  if (metric === "STORAGE_BYTES") return `${(value / 1024 ** 3).toLocaleString()} GiB`;
  return value.toLocaleString();
};

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div>
    <dt className="text-xs font-medium uppercase text-fg-muted">{label}</dt>
    <dd className="mt-1 text-sm">{children}</dd>
  </div>
);

/** Status, dates, key hint and entitlements of a license. */
export const LicenseSummary = ({ license }: { license: License }) => {
  const dates = useDateFormat();
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 md:grid-cols-4">
        <Row label="Tier">{TIER_LABELS[license.tier]}</Row>
        <Row label="Status">
          <LicenseStatusBadge status={license.status} />
          {license.suspendedReason ? (
            <span className="ml-2 text-fg-muted">{license.suspendedReason}</span>
          ) : null}
        </Row>
        <Row label="Starts">{dates.day(license.startsAt)}</Row>
        <Row label="Expires">
          {dates.day(license.expiresAt)}
          {license.daysUntilExpiry !== null && license.status === "ACTIVE" && (
            <span
              data-testid="expiry-countdown"
              className={
                license.daysUntilExpiry <= 30
                  ? "ml-2 text-amber-700 dark:text-amber-300"
                  : "ml-2 text-fg-muted"
              }
            >
              {license.daysUntilExpiry} days left
            </span>
          )}
        </Row>
        <Row label="Term">
          {license.termMonths} months{license.autoRenew ? " · auto-renews" : ""}
        </Row>
        <Row label="Offline tokens">valid {license.tokenTtlDays} days, refreshed by the platform</Row>
        <Row label="Expiry reminders">{license.reminderDays.join(", ")} days before</Row>
        <Row label="Key">
          …{license.keyLast4}
          {license.keyRotatedAt ? (
            <span className="text-fg-muted"> (rotated {dates.instant(license.keyRotatedAt)})</span>
          ) : null}
          {license.previousKeyExpiresAt ? (
            <span className="block text-fg-muted">
              The old key stops working at {dates.instant(license.previousKeyExpiresAt)}
            </span>
          ) : null}
        </Row>
        <Row label="Support">
          {license.entitlements.supportChannel}
          {license.entitlements.supportResponseCapHours
            ? ` · first response within ${license.entitlements.supportResponseCapHours} h`
            : ""}
        </Row>
        <Row label="Version">{license.version}</Row>
        {license.cancelledReason ? <Row label="Cancelled because">{license.cancelledReason}</Row> : null}
      </dl>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Limits</h3>
        <dl className="grid gap-4 md:grid-cols-4">
          {METRICS.map(([metric, label]) => (
            <Row key={metric} label={label}>
              {formatLimit(metric, license.entitlements.limits[metric])}
            </Row>
          ))}
        </dl>
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Past a limit</h3>
        <LicenseOverage license={license} />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Features</h3>
        <div className="flex flex-wrap gap-2">
          {license.entitlements.features.length ? (
            license.entitlements.features.map((feature) => (
              <Badge key={feature} tone="blue">
                {feature}
              </Badge>
            ))
          ) : (
            <span className="text-sm text-fg-muted">None</span>
          )}
        </div>
      </div>
    </div>
  );
};
