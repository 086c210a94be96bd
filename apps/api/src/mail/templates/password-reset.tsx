import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface PasswordResetData {
  name: string;
  /** The one-time token; the outbox drops it once the mail is sent (`carriesSecret`). */
  token: string;
}

/** A password reset was asked for a known, active, password-using account: a 1-hour single-use link. */
export const passwordReset = defineTemplate<PasswordResetData>({
  subject: () => "Reset your password",
  reason: () => "Someone asked to reset the password of the account with this address.",
  body: (data, { brand, link }) => (
    <>
      <Title>Reset your password</Title>
      <Paragraph>
        Hello {data.name}, follow the link to choose a new password. It works once and for one hour; every
        session of your account is signed out when you use it.
      </Paragraph>
      <Action brand={brand} href={link(`/reset-password?token=${encodeURIComponent(data.token)}`)}>
        Choose a new password
      </Action>
      <Paragraph>If you did not ask for this, ignore this mail: your password stays as it is.</Paragraph>
    </>
  ),
  carriesSecret: true,
});
