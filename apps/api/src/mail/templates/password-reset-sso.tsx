import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface PasswordResetSsoData {
  name: string;
  organizationName: string;
}

/** A reset was asked for someone whose organisation signs in with SSO only: no token, a pointer. */
export const passwordResetSso = defineTemplate<PasswordResetSsoData>({
  subject: () => "Sign in with single sign-on",
  reason: () => "Someone asked to reset the password of the account with this address.",
  body: (data, { brand, link }) => (
    <>
      <Title>Your organisation uses single sign-on</Title>
      <Paragraph>
        Hello {data.name}, {data.organizationName} signs in with single sign-on, so there is no password to
        reset here. Use “Sign in with SSO” on the sign-in page; your organisation's identity provider manages
        your password.
      </Paragraph>
      <Action brand={brand} href={link("/sign-in")}>
        Go to sign-in
      </Action>
    </>
  ),
});
