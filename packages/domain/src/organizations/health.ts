import type { LicenseStatus } from "../licenses/lifecycle.ts";
import { METRICS, type Metric } from "../licenses/tiers.ts";
import type { UsageForecast } from "../usage/forecast.ts";
import type { LimitCheck } from "../usage/limits.ts";
import type { DomainStatus } from "../white-label/domains.ts";

/**
 * An organisation's health: a score out of 100 and a letter grade, with every reason that
 * took points off, worst first — so staff see both the verdict and what to do about it.
 */
const HEALTH_GRADES = ["A", "B", "C", "D"] as const;
export type HealthGrade = (typeof HEALTH_GRADES)[number];

export type HealthSeverity = "CRITICAL" | "WARNING";

/** Points each reason takes off: one critical problem drops the grade to C, two to D. */
const PENALTY: Record<HealthSeverity, number> = { CRITICAL: 40, WARNING: 15 };

/** Lowest score for each grade, best first. */
const GRADE_FLOORS: [HealthGrade, number][] = [
  ["A", 90],
  ["B", 75],
  ["C", 50],
  ["D", 0],
];

const HEALTH_REASON_CODES = [
  "NO_LICENSE",
  "LICENSE_NOT_ACTIVE",
  "LICENSE_EXPIRING",
  "USAGE_EXCEEDED",
  "USAGE_WARNING",
  "USAGE_FORECAST",
  "SLA_BREACHED",
  "SLA_AT_RISK",
  "CRITICAL_TICKETS_OPEN",
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
  tickets: { openCritical: number; breached: number; atRisk: number };
  domain: { hostname: string; status: DomainStatus } | null;
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

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const licenseReasons = (license: HealthSnapshot["license"], now: Date): HealthReason[] => {
  if (!license) return [{ code: "NO_LICENSE", severity: "CRITICAL", area: "LICENSE", message: "No license" }];
  if (license.status !== "ACTIVE")
    return [
      {
        code: "LICENSE_NOT_ACTIVE",
        severity: license.status === "PENDING" ? "WARNING" : "CRITICAL",
        area: "LICENSE",
        message: `License is ${license.status.toLowerCase()}`,
      },
    ];
  if (!license.expiresAt || license.autoRenew) return [];
  const days = Math.ceil((license.expiresAt.getTime() - now.getTime()) / DAY_MS);
  if (days > EXPIRY_WARNING_DAYS) return [];
  return [
    {
      code: "LICENSE_EXPIRING",
      severity: days <= EXPIRY_CRITICAL_DAYS ? "CRITICAL" : "WARNING",
      area: "LICENSE",
      message: `License expires in ${plural(Math.max(days, 0), "day")} without auto-renew`,
    },
  ];
};

const usageReasons = (limits: HealthSnapshot["limits"]): HealthReason[] => {
  if (!limits) return [];
  const at = (status: LimitCheck["status"]) => METRICS.filter((metric) => limits[metric].status === status);
  const describe = (metrics: Metric[]) =>
    metrics.map((metric) => `${metric} ${limits[metric].percent ?? 0} %`).join(", ");
  const exceeded = at("EXCEEDED");
  const warning = at("WARNING");
  return [
    ...(exceeded.length
      ? [
          {
            code: "USAGE_EXCEEDED" as const,
            severity: "CRITICAL" as const,
            area: "USAGE" as const,
            message: `Over the limit: ${describe(exceeded)}`,
          },
        ]
      : []),
    ...(warning.length
      ? [
          {
            code: "USAGE_WARNING" as const,
            severity: "WARNING" as const,
            area: "USAGE" as const,
            message: `Near the limit: ${describe(warning)}`,
          },
        ]
      : []),
  ];
};

const forecastReasons = (forecasts: HealthSnapshot["forecasts"]): HealthReason[] => {
  if (!forecasts) return [];
  const passing = METRICS.flatMap((metric) => {
    const forecast = forecasts[metric];
    return forecast.status === "FORECAST" && forecast.reaches100
      ? [`${metric} on ${forecast.reaches100.on}`]
      : [];
  });
  if (!passing.length) return [];
  return [
    {
      code: "USAGE_FORECAST",
      severity: "WARNING",
      area: "USAGE",
      message: `Forecast to pass the limit: ${passing.join(", ")}`,
    },
  ];
};

const supportReasons = ({ breached, atRisk, openCritical }: HealthSnapshot["tickets"]): HealthReason[] => [
  ...(breached
    ? [
        {
          code: "SLA_BREACHED" as const,
          severity: "CRITICAL" as const,
          area: "SUPPORT" as const,
          message: `${plural(breached, "open ticket")} past the SLA`,
        },
      ]
    : []),
  ...(atRisk
    ? [
        {
          code: "SLA_AT_RISK" as const,
          severity: "WARNING" as const,
          area: "SUPPORT" as const,
          message: `${plural(atRisk, "ticket")} close to the SLA`,
        },
      ]
    : []),
  ...(openCritical
    ? [
        {
          code: "CRITICAL_TICKETS_OPEN" as const,
          severity: "WARNING" as const,
          area: "SUPPORT" as const,
          message: `${plural(openCritical, "critical ticket")} open`,
        },
      ]
    : []),
];

const whiteLabelReasons = (snapshot: HealthSnapshot): HealthReason[] => [
  ...(snapshot.domain?.status === "FAILED"
    ? [
        {
          code: "DOMAIN_FAILED" as const,
          severity: "WARNING" as const,
          area: "WHITE_LABEL" as const,
          message: `Custom domain ${snapshot.domain.hostname} failed verification`,
        },
      ]
    : []),
  ...(snapshot.domain?.status === "LAPSED"
    ? [
        {
          code: "DOMAIN_LAPSED" as const,
          severity: "WARNING" as const,
          area: "WHITE_LABEL" as const,
          message: `Custom domain ${snapshot.domain.hostname} lapsed: its DNS proof is missing, so it is not served`,
        },
      ]
    : []),
  ...(snapshot.deadWebhookDeliveries
    ? [
        {
          code: "WEBHOOKS_FAILING" as const,
          severity: "WARNING" as const,
          area: "WHITE_LABEL" as const,
          message: `${plural(snapshot.deadWebhookDeliveries, "webhook delivery", "webhook deliveries")} failed in the last 7 days`,
        },
      ]
    : []),
];

export const gradeForScore = (score: number): HealthGrade =>
  GRADE_FLOORS.find(([, floor]) => score >= floor)?.[0] ?? "D";

/** Grade an organisation at `now`: 100 less each reason's penalty, reasons critical first. */
export const gradeHealth = (snapshot: HealthSnapshot, now: Date): Health => {
  const reasons = [
    ...licenseReasons(snapshot.license, now),
    ...usageReasons(snapshot.limits),
    ...forecastReasons(snapshot.forecasts),
    ...supportReasons(snapshot.tickets),
    ...whiteLabelReasons(snapshot),
  ].sort((a, b) => PENALTY[b.severity] - PENALTY[a.severity]);
  const score = Math.max(0, 100 - reasons.reduce((sum, reason) => sum + PENALTY[reason.severity], 0));
  return { grade: gradeForScore(score), score, reasons };
};
