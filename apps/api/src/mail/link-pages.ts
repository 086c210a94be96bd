import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppDeps } from "../context.ts";
import { UNSUBSCRIBE_PATH } from "./delivery.ts";
import { SATISFACTION_PATH } from "./satisfaction-path.ts";

/** The pages a mail's links open: unsubscribing and rating a ticket. The token alone authorises each. */
export const MAIL_LINK_PATHS = new Set([UNSUBSCRIBE_PATH, SATISFACTION_PATH]);

/** They render with react-dom/server, loaded when a mail link is first followed, not at start. */
export const handleMailLink = async (deps: AppDeps, req: IncomingMessage, res: ServerResponse, url: URL) => {
  if (url.pathname === UNSUBSCRIBE_PATH) {
    const { handleUnsubscribe } = await import("./unsubscribe.ts");
    return handleUnsubscribe(deps, req, res, url);
  }
  const { handleSatisfactionLink } = await import("./satisfaction-link.ts");
  return handleSatisfactionLink(deps, req, res, url);
};
