import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface DomainLapsedData {
  organizationName: string;
  hostname: string;
  /** The TXT record that must hold the token again. */
  recordName: string;
  /** ISO date-time the proof was first found missing. */
  missingSince: string;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });

/** A verified custom domain lost its DNS proof for 72 hours and stopped being served: to owners and admins, once per lapse. */
export const domainLapsed = defineTemplate<DomainLapsedData>({
  subject: (data) => `${data.hostname} is no longer served — ${data.organizationName}`,
  reason: (data) =>
    `You are an owner or admin of ${data.organizationName}, and they hear about its custom domain.`,
  body: (data, { brand, link }) => (
    <>
      <Title>Your custom domain has lapsed</Title>
      <Paragraph>
        The TXT record at {data.recordName}, which proves {data.organizationName} controls {data.hostname},
        has been missing since {when(data.missingSince)}. After 72 hours without it, {data.hostname} no longer
        shows your portal and gets no new certificate.
      </Paragraph>
      <Paragraph>
        Publish the record again at your DNS provider, then verify the domain: it is served again once the
        proof holds.
      </Paragraph>
      <Action brand={brand} href={link("/portal/settings/domain")}>
        Check the domain
      </Action>
    </>
  ),
});
