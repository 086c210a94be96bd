import type { IncomingMessage, ServerResponse } from "node:http";
import { mailOutbox } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";
import { UNSUBSCRIBE_PATH } from "./delivery.ts";
import { setNotificationPreference } from "./preferences.ts";
import { confirmPage, donePage, invalidPage } from "./unsubscribe-page.tsx";

/** randomToken()'s shape: anything else is not ours, and costs no query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const sendPage = (res: ServerResponse, status: number, html: string) => {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    // the token is in this page's address: never hand it on to another site
    "Referrer-Policy": "no-referrer",
  });
  res.end(html);
};

/** The user and category the mail carrying this token was sent for. */
const subscriptionOf = async (deps: AppDeps, token: string) => {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [mail] = await deps.db
    .select({ userId: mailOutbox.userId, category: mailOutbox.category, address: mailOutbox.toAddress })
    .from(mailOutbox)
    .where(eq(mailOutbox.unsubscribeTokenHash, sha256(token)));
  if (!mail?.userId || mail.category === "SECURITY") return null;
  return { userId: mail.userId, category: mail.category, address: mail.address };
};

/**
 * `GET /mail/unsubscribe?token=…` asks; `POST` (the page's button, or a mail client's RFC 8058
 * one-click `List-Unsubscribe=One-Click`) switches the category off at once. The token alone
 * authorises it: one-click POSTs come from mail providers, with no session and no Origin.
 */
export const handleUnsubscribe = async (
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => {
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") {
    res.writeHead(405, { Allow: "GET, HEAD, POST" });
    return res.end();
  }
  // the one-click body says nothing the token does not: read and dropped
  req.resume();
  const token = url.searchParams.get("token") ?? "";
  const subscription = await subscriptionOf(deps, token);
  if (!subscription) return sendPage(res, 404, invalidPage());
  if (req.method !== "POST") {
    const action = `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
    return sendPage(res, 200, confirmPage(subscription, action));
  }
  await setNotificationPreference(deps.db, deps.clock.now(), subscription.userId, {
    category: subscription.category,
    email: false,
  });
  return sendPage(res, 200, donePage(subscription));
};
