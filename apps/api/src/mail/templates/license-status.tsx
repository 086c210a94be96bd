import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface LicenseStatusData {
  organizationName: string;
  change: "suspended" | "reinstated" | "cancelled" | "renewed";
  tier: string;
  /** ISO date-time; the new expiry for a renewal. */
  expiresAt: string | null;
  reason: string | null;
}

const HEADLINE: Record<LicenseStatusData["change"], string> = {
  suspended: "Your license is suspended",
  reinstated: "Your license is active again",
  cancelled: "Your license is cancelled",
  renewed: "Your license is renewed",
};

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/** A license's status changed: to the organisation's owners. */
export const licenseStatus = defineTemplate<LicenseStatusData>({
  subject: (data) => `${HEADLINE[data.change]} — ${data.organizationName}`,
  reason: (data) => `You are an owner of ${data.organizationName}, and owners hear about license changes.`,
  body: (data, { brand, link }) => (
    <>
      <Title>{HEADLINE[data.change]}</Title>
      <Paragraph>
        {data.organizationName}'s {data.tier} license was {data.change}
        {data.change === "renewed" && data.expiresAt ? `; it now runs until ${day(data.expiresAt)}` : ""}.
        {data.reason ? ` Reason given: ${data.reason}` : ""}
      </Paragraph>
      {data.change === "suspended" && (
        <Paragraph>
          While it is suspended, your people cannot use the platform. Reply to your account manager or open a
          ticket to resolve it.
        </Paragraph>
      )}
      <Action brand={brand} href={link("/portal/license")}>
        See the license
      </Action>
    </>
  ),
});
