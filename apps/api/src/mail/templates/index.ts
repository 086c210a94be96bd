import { domainLapsed } from "./domain-lapsed.tsx";
import { invitation } from "./invitation.tsx";
import { licenseExpiry } from "./license-expiry.tsx";
import { licenseStatus } from "./license-status.tsx";
import { passwordReset } from "./password-reset.tsx";
import { passwordResetSso } from "./password-reset-sso.tsx";
import { teamChange } from "./team-change.tsx";
import { ticketAssigned } from "./ticket-assigned.tsx";
import { ticketCritical } from "./ticket-critical.tsx";
import { ticketReply } from "./ticket-reply.tsx";
import { ticketResolved } from "./ticket-resolved.tsx";
import { ticketSla } from "./ticket-sla.tsx";
import { usageAlert } from "./usage-alert.tsx";

/** Every mail Tessera sends, by the name the outbox stores. */
export const MAIL_TEMPLATES = {
  "license-status": licenseStatus,
  "license-expiry": licenseExpiry,
  "usage-alert": usageAlert,
  "ticket-assigned": ticketAssigned,
  "ticket-critical": ticketCritical,
  "ticket-reply": ticketReply,
  "ticket-resolved": ticketResolved,
  "ticket-sla": ticketSla,
  "team-change": teamChange,
  "domain-lapsed": domainLapsed,
  invitation,
  "password-reset": passwordReset,
  "password-reset-sso": passwordResetSso,
};

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
/** The data a template renders from, as `queueMail` takes it. */
export type MailData<Name extends MailTemplateName> = Parameters<(typeof MAIL_TEMPLATES)[Name]["subject"]>[0];
