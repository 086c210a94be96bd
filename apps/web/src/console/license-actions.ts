import { renewedExpiry } from "@tessera/domain";
import type { DateFormatter } from "../components/dates/date-format.ts";
import type { License } from "../components/license-summary.tsx";

export type LicenseAction = "activate" | "suspend" | "reinstate" | "renew" | "cancel";

/**
 * Each lifecycle action as staff see it: the button and the confirm button name the action on
 * the license, and the dismiss button says what keeping things as they are means, so a dialog
 * never offers two buttons that both read "Cancel".
 */
export const LICENSE_ACTIONS: Record<
  LicenseAction,
  {
    label: string;
    keepLabel: string;
    busyLabel: string;
    allowedFrom: License["status"][];
    needsReason: boolean;
    tone: "primary" | "danger";
  }
> = {
  activate: {
    label: "Activate license",
    keepLabel: "Keep pending",
    busyLabel: "Activating…",
    allowedFrom: ["PENDING"],
    needsReason: false,
    tone: "primary",
  },
  renew: {
    label: "Renew license",
    keepLabel: "Keep current expiry",
    busyLabel: "Renewing…",
    allowedFrom: ["ACTIVE", "EXPIRED"],
    needsReason: false,
    tone: "primary",
  },
  suspend: {
    label: "Suspend license",
    keepLabel: "Keep license active",
    busyLabel: "Suspending…",
    allowedFrom: ["ACTIVE"],
    needsReason: true,
    tone: "danger",
  },
  reinstate: {
    label: "Reinstate license",
    keepLabel: "Keep suspended",
    busyLabel: "Reinstating…",
    allowedFrom: ["SUSPENDED"],
    needsReason: false,
    tone: "primary",
  },
  cancel: {
    label: "Cancel license",
    keepLabel: "Keep license",
    busyLabel: "Cancelling…",
    allowedFrom: ["PENDING", "ACTIVE", "SUSPENDED", "EXPIRED"],
    needsReason: true,
    tone: "danger",
  },
};

/**
 * What confirming `action` does to this license, worked out from its data at `now` (renewal
 * with the domain's own rule, so the date shown is the date the API will store).
 */
export const licenseActionConsequence = (
  action: LicenseAction,
  license: License,
  now: Date,
  dates: DateFormatter,
): string => {
  switch (action) {
    case "activate":
      return `The license starts now and runs for its term of ${license.termMonths} months.`;
    case "renew": {
      const before = license.expiresAt ? ` instead of ${dates.day(license.expiresAt)}` : "";
      return `The license will expire on ${dates.day(renewedExpiry(license, now))}${before}.`;
    }
    case "suspend":
      return "Validation answers SUSPENDED at once, and the organisation loses access until the license is reinstated.";
    case "reinstate":
      return `The license becomes ACTIVE again and validates until ${dates.day(license.expiresAt)}.`;
    case "cancel":
      return "Validation answers CANCELLED at once. Cancelling is final: the license can never be used again.";
  }
};
