import { longDay } from "./dates.ts";
import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface LicenseExpiryData {
  organizationName: string;
  licenseId: string;
  tier: string;
  daysBefore: number;
  /** ISO date-time. */
  expiresAt: string;
  autoRenew: boolean;
  /** The organisation's people, or the staff account manager (who gets the console's link). */
  audience: "customer" | "manager";
}

const inDays = (days: number) => (days === 1 ? "tomorrow" : `in ${days} days`);

/** A license nears its expiry (30, 7, 1 days): to the organisation's owners and admins, and its account manager. */
export const licenseExpiry = defineTemplate<LicenseExpiryData>({
  subject: (data) => `${data.organizationName}'s license expires ${inDays(data.daysBefore)}`,
  reason: (data) =>
    data.audience === "manager"
      ? `You are the account manager of ${data.organizationName}.`
      : `You are an owner or admin of ${data.organizationName}, and they hear about license expiry.`,
  body: (data, { brand, link }) => (
    <>
      <Title>The license expires {inDays(data.daysBefore)}</Title>
      <Paragraph>
        {data.organizationName}'s {data.tier} license runs until {longDay(data.expiresAt)}.{" "}
        {data.autoRenew
          ? "It renews automatically before then; nothing needs doing unless the billing details changed."
          : "It does not renew automatically: renew it before then to keep the platform running."}
      </Paragraph>
      <Action
        brand={brand}
        href={link(data.audience === "manager" ? `/console/licenses/${data.licenseId}` : "/portal/license")}
      >
        See the license
      </Action>
    </>
  ),
});
