import { render, toPlainText } from "@react-email/render";
import type { ServiceContext } from "../context.ts";
import { getBranding } from "../white-label/branding.ts";
import { MAIL_TEMPLATES, type MailTemplateName } from "./templates/index.ts";
import { type MailBrand, MailLayout } from "./templates/layout.tsx";
import type { MailContext, MailTemplate } from "./templates/template.ts";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  carriesSecret: boolean;
}

/** The organisation's branding as it shows now (Tessera's when white-label is off), links absolute. */
export const mailBrand = async (ctx: ServiceContext, organizationId: string | null, baseUrl: string) => {
  if (!organizationId)
    return { companyName: "Tessera", logoUrl: null, primaryColor: "#4f46e5" } satisfies MailBrand;
  const { effective } = await getBranding(ctx, organizationId);
  return {
    companyName: effective.companyName,
    logoUrl: effective.logoSrc ? new URL(effective.logoSrc, baseUrl).href : null,
    primaryColor: effective.primaryColor,
  } satisfies MailBrand;
};

/** Subject, HTML and plain text of a stored mail: the template inside the branded layout. */
export const renderMail = async (
  mail: { template: string; data: Record<string, unknown> },
  brand: MailBrand,
  baseUrl: string,
  unsubscribeUrl: string | null,
): Promise<RenderedMail> => {
  const template = MAIL_TEMPLATES[mail.template as MailTemplateName] as MailTemplate<unknown> | undefined;
  if (!template) throw new Error(`no mail template named ${mail.template}`);
  const ctx: MailContext = { brand, link: (path) => new URL(path, baseUrl).href };
  const subject = template.subject(mail.data, ctx);
  const html = await render(
    <MailLayout
      brand={brand}
      preview={subject}
      reason={template.reason(mail.data, ctx)}
      unsubscribeUrl={unsubscribeUrl}
    >
      {template.body(mail.data, ctx)}
    </MailLayout>,
  );
  return { subject, html, text: toPlainText(html), carriesSecret: Boolean(template.carriesSecret) };
};
