import type { ReactElement } from "react";
import type { MailBrand } from "./layout.tsx";

/** What a template renders with besides its data: the brand and absolute links. */
export interface MailContext {
  brand: MailBrand;
  /** An absolute URL for a path of ours (`/portal/license`): mail has no base to resolve against. */
  link(path: string): string;
}

/**
 * One kind of mail. `data` is what the queueing code stored (JSON); the subject, the footer's
 * reason and the body are derived from it at send time, in the organisation's branding.
 */
export interface MailTemplate<Data> {
  subject(data: Data, ctx: MailContext): string;
  /** The footer's "why you got this", e.g. "You are an owner of Northwind Academy." */
  reason(data: Data, ctx: MailContext): string;
  body(data: Data, ctx: MailContext): ReactElement;
  /**
   * The mail carries a one-time link (invitation, reset): once a real SMTP server has it, the
   * stored data and rendering are dropped, so the outbox never keeps a usable token.
   */
  carriesSecret?: boolean;
}

export const defineTemplate = <Data>(template: MailTemplate<Data>) => template;
