import { invitation } from "./invitation.tsx";
import { licenseStatus } from "./license-status.tsx";
import { passwordReset } from "./password-reset.tsx";
import { passwordResetSso } from "./password-reset-sso.tsx";

/** Every mail Tessera sends, by the name the outbox stores. */
export const MAIL_TEMPLATES = {
  "license-status": licenseStatus,
  invitation,
  "password-reset": passwordReset,
  "password-reset-sso": passwordResetSso,
};

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
/** The data a template renders from, as `queueMail` takes it. */
export type MailData<Name extends MailTemplateName> = Parameters<(typeof MAIL_TEMPLATES)[Name]["subject"]>[0];
