import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface InvitationData {
  inviterName: string;
  /** Null for an invitation to Tessera's staff. */
  organizationName: string | null;
  role: string;
  /** The one-time token; the outbox drops it once the mail is sent (`carriesSecret`). */
  token: string;
}

const team = (data: InvitationData) => data.organizationName ?? "the Tessera team";

/** Someone was invited to make an account: a 7-day single-use link. */
export const invitation = defineTemplate<InvitationData>({
  subject: (data) => `${data.inviterName} invited you to ${team(data)}`,
  reason: (data) => `${data.inviterName} invited this address to ${team(data)}.`,
  body: (data, { brand, link }) => (
    <>
      <Title>You are invited to {team(data)}</Title>
      <Paragraph>
        {data.inviterName} invited you to join {team(data)} as {data.role}. Choose your name and a password to
        make your account. The link works once and for 7 days.
      </Paragraph>
      <Action brand={brand} href={link(`/accept-invitation?token=${encodeURIComponent(data.token)}`)}>
        Accept the invitation
      </Action>
      <Paragraph>If you did not expect this, ignore this mail: nothing happens without you.</Paragraph>
    </>
  ),
  carriesSecret: true,
});
