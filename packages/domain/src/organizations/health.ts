import { METRIC_LABELS } from "../licenses/labels.ts";
import type { LicenseStatus } from "../licenses/lifecycle.ts";
import { METRICS, type Metric } from "../licenses/tiers.ts";
import { countOf } from "../text/plural.ts";
import type { UsageForecast } from "../usage/forecast.ts";
import { usageAgainstLimit } from "../usage/labels.ts";
import type { LimitCheck } from "../usage/limits.ts";
import {
  DOMAIN_RECHECK_WINDOW_HOURS,
  type DomainStatus,
  inVerificationWindow,
} from "../white-label/domains.ts";

/**
 * An organisation's health: a score out of 100 and a letter grade, with every reason that
 * took points off, worst first — so staff see both the verdict and what to do about it.
 */
const HEALTH_GRADES = ["A", "B", "C", "D"] as const;
export type HealthGrade = (typeof HEALTH_GRADES)[number];

/** INFO: worth knowing (a domain still being verified), takes nothing off. */
export type HealthSeverity = "CRITICAL" | "WARNING" | "INFO";

/** Points each reason takes off: one critical problem drops the grade to C, two to D. */
const PENALTY: Record<HealthSeverity, number> = { CRITICAL: 40, WARNING: 15, INFO: 0 };

/** Lowest score for each grade, best first. */
const GRADE_FLOORS: [HealthGrade, number][] = [
  ["A", 90],
  ["B", 75],
  ["C", 50],
  ["D", 0],
];

/**
 * Without a license in force nothing is licensed, so nothing else can make it better than D:
 * the score stops at the best D, keeping grade and score in step.
 */
const NOT_IN_FORCE_MAX_SCORE = 49;
/** Statuses that leave an organisation without a license in force (PENDING is on its way in). */
const NOT_IN_FORCE: readonly LicenseStatus[] = ["SUSPENDED", "EXPIRED", "CANCELLED"];

const HEALTH_REASON_CODES = [
  "NO_LICENSE",
  "LICENSE_NOT_ACTIVE",
  "LICENSE_EXPIRING",
  "NO_USAGE_DATA",
  "USAGE_EXCEEDED",
  "USAGE_WARNING",
  "USAGE_FORECAST",
  "SLA_BREACHED",
  "SLA_AT_RISK",
  "CRITICAL_TICKETS_OPEN",
  "DOMAIN_PENDING",
  "DOMAIN_FAILED",
  "DOMAIN_LAPSED",
  "WEBHOOKS_FAILING",
] as const;
type HealthReasonCode = (typeof HEALTH_REASON_CODES)[number];

/** Which area of the organisation a reason is about, so a page can link to it. */
export type HealthArea = "LICENSE" | "USAGE" | "SUPPORT" | "WHITE_LABEL";

interface HealthReason {
  code: HealthReasonCode;
  severity: HealthSeverity;
  area: HealthArea;
  message: string;
}

/** What grading reads: plain values gathered by the caller. */
export interface HealthSnapshot {
  /** The license in force (else the latest), with its effective status; null when there is none. */
  license: { status: LicenseStatus; expiresAt: Date | null; autoRenew: boolean } | null;
  /** This period's usage against the license's limits. */
  limits: Record<Metric, LimitCheck> | null;
  /** Where usage is heading (`forecastUsage`): passing 100 % before the period end or renewal is a warning. */
  forecasts?: Record<Metric, UsageForecast> | null;
  /** Whether the organisation has ever reported usage, under any license. */
  usageReported: boolean;
  tickets: { openCritical: number; breached: number; atRisk: number };
  /** The custom domain, with when it was set (its verification window runs from then). */
  domain: { hostname: string; status: DomainStatus; setAt: Date } | null;
  /** Webhook deliveries given up on (out of attempts) in the last 7 days. */
  deadWebhookDeliveries: number;
}

export interface Health {
  grade: HealthGrade;
  score: number;
  reasons: HealthReason[];
}

const DAY_MS = 86_400_000;
/** Without auto-renew, a license this close to expiry is a problem; closer still, a critical one. */
const EXPIRY_WARNING_DAYS = 30;
const EXPIRY_CRITICAL_DAYS = 7;

/** One reason when `applies`, none otherwise: keeps each area's list flat. */
const reasonIf = (
  applies: unknown,
  code: HealthReasonCode,
  severity: HealthSeverity,
  area: HealthArea,
  message: () => string,
): HealthReason[] => (applies ? [{ code, severity, area, message: message() }] : []);

const licenseReasons = (license: HealthSnapshot["license"], now: Date): HealthReason[] => {
  if (!license) return reasonIf(true, "NO_LICENSE", "CRITICAL", "LICENSE", () => "No license");
  if (license.status !== "ACTIVE") {
    const severity = license.status === "PENDING" ? "WARNING" : "CRITICAL";
    const message = () => `License is ${license.status.toLowerCase()}`;
    return reasonIf(true, "LICENSE_NOT_ACTIVE", severity, "LICENSE", message);
  }
  if (!license.expiresAt || license.autoRenew) return [];
  const days = Math.ceil((license.expiresAt.getTime() - now.getTime()) / DAY_MS);
  return reasonIf(
    days <= EXPIRY_WARNING_DAYS,
    "LICENSE_EXPIRING",
    days <= EXPIRY_CRITICAL_DAYS ? "CRITICAL" : "WARNING",
    "LICENSE",
    () => `License expires in ${countOf(Math.max(days, 0), "day")} without auto-renew`,
  );
};

const usageReasons = (snapshot: HealthSnapshot): HealthReason[] => {
  const { limits } = snapshot;
  const silent = reasonIf(
    snapshot.license && !snapshot.usageReported,
    "NO_USAGE_DATA",
    "WARNING",
    "USAGE",
    () => "No usage reported yet",
  );
  if (!limits) return silent;
  const at = (status: LimitCheck["status"]) => METRICS.filter((metric) => limits[metric].status === status);
  const describe = (metrics: Metric[]) =>
    metrics.map((metric) => usageAgainstLimit(metric, limits[metric].percent)).join(", ");
  const exceeded = at("EXCEEDED");
  const warning = at("WARNING");
  return [
    ...reasonIf(
      exceeded.length,
      "USAGE_EXCEEDED",
      "CRITICAL",
      "USAGE",
      () => `Over the limit: ${describe(exceeded)}`,
    ),
    ...reasonIf(
      warning.length,
      "USAGE_WARNING",
      "WARNING",
      "USAGE",
      () => `Near the limit: ${describe(warning)}`,
    ),
    ...silent,
  ];
};

/** A `YYYY-MM-DD` day in words, "4 December 2026", the same wherever it is graded. */
const dayInWords = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

const forecastReasons = (forecasts: HealthSnapshot["forecasts"]): HealthReason[] => {
  if (!forecasts) return [];
  const passing = METRICS.flatMap((metric) => {
    const forecast = forecasts[metric];
    return forecast.status === "FORECAST" && forecast.reaches100
      ? [`${METRIC_LABELS[metric]} on ${dayInWords(forecast.reaches100.on)}`]
      : [];
  });
  return reasonIf(
    passing.length,
    "USAGE_FORECAST",
    "WARNING",
    "USAGE",
    () => `Forecast to pass the limit: ${passing.join(", ")}`,
  );
};

const supportReasons = ({ breached, atRisk, openCritical }: HealthSnapshot["tickets"]): HealthReason[] => [
  ...reasonIf(
    breached,
    "SLA_BREACHED",
    "CRITICAL",
    "SUPPORT",
    () => `${countOf(breached, "open ticket")} past the SLA`,
  ),
  ...reasonIf(
    atRisk,
    "SLA_AT_RISK",
    "WARNING",
    "SUPPORT",
    () => `${countOf(atRisk, "ticket")} close to the SLA`,
  ),
  ...reasonIf(
    openCritical,
    "CRITICAL_TICKETS_OPEN",
    "WARNING",
    "SUPPORT",
    () => `${countOf(openCritical, "critical ticket")} open`,
  ),
];

/**
 * A domain not yet verified is pending while the sweep still re-checks it (DNS takes its
 * time); only once that window has closed is it a failure worth a warning.
 */
const domainReasons = (domain: HealthSnapshot["domain"], now: Date): HealthReason[] => {
  if (!domain || domain.status === "VERIFIED") return [];
  const name = `Custom domain ${domain.hostname}`;
  if (domain.status === "LAPSED") {
    const message = () => `${name} lapsed: its DNS proof is missing, so it is not served`;
    return reasonIf(true, "DOMAIN_LAPSED", "WARNING", "WHITE_LABEL", message);
  }
  if (inVerificationWindow(domain.setAt, now)) {
    const message = () =>
      `${name} is pending: its DNS record is re-checked for ${DOMAIN_RECHECK_WINDOW_HOURS} hours after it is set`;
    return reasonIf(true, "DOMAIN_PENDING", "INFO", "WHITE_LABEL", message);
  }
  const message = () =>
    `${name} failed verification: not verified within ${DOMAIN_RECHECK_WINDOW_HOURS} hours`;
  return reasonIf(true, "DOMAIN_FAILED", "WARNING", "WHITE_LABEL", message);
};

const webhookReasons = (dead: number): HealthReason[] =>
  reasonIf(
    dead,
    "WEBHOOKS_FAILING",
    "WARNING",
    "WHITE_LABEL",
    () => `${countOf(dead, "webhook delivery", "webhook deliveries")} failed in the last 7 days`,
  );

export const gradeForScore = (score: number): HealthGrade =>
  GRADE_FLOORS.find(([, floor]) => score >= floor)?.[0] ?? "D";

/**
 * Grade an organisation at `now`: 100 less each reason's penalty, never above the best D
 * without a license in force; reasons critical first, information last.
 */
export const gradeHealth = (snapshot: HealthSnapshot, now: Date): Health => {
  const reasons = [
    ...licenseReasons(snapshot.license, now),
    ...usageReasons(snapshot),
    ...forecastReasons(snapshot.forecasts),
    ...supportReasons(snapshot.tickets),
    ...domainReasons(snapshot.domain, now),
    ...webhookReasons(snapshot.deadWebhookDeliveries),
  ].sort((a, b) => PENALTY[b.severity] - PENALTY[a.severity]);
  const penalties = reasons.reduce((sum, reason) => sum + PENALTY[reason.severity], 0);
  const inForce = snapshot.license !== null && !NOT_IN_FORCE.includes(snapshot.license.status);
  const score = Math.min(Math.max(0, 100 - penalties), inForce ? 100 : NOT_IN_FORCE_MAX_SCORE);
  return { grade: gradeForScore(score), score, reasons };
};
