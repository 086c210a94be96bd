import { licenseStatus } from "./license-status.tsx";

/** Every mail Tessera sends, by the name the outbox stores. */
export const MAIL_TEMPLATES = {
  "license-status": licenseStatus,
};

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
/** The data a template renders from, as `queueMail` takes it. */
export type MailData<Name extends MailTemplateName> = Parameters<(typeof MAIL_TEMPLATES)[Name]["subject"]>[0];
