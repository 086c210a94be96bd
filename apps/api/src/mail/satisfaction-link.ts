import type { IncomingMessage, ServerResponse } from "node:http";
import { satisfactionLinks, tickets, users } from "@tessera/db/schema";
import {
  DomainError,
  formatTicketNumber,
  RatingInput,
  SATISFACTION_RATINGS,
  type SatisfactionRating,
} from "@tessera/domain";
import { and, eq, gt, isNull } from "drizzle-orm";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";
import { readBody } from "../request-body.ts";
import { rateTicket } from "../support/satisfaction.ts";
import { invalidRatingLinkPage, notRatablePage, ratedPage, ratingFormPage } from "./satisfaction-page.tsx";
import { SATISFACTION_PATH } from "./satisfaction-path.ts";
import { sendPage } from "./unsubscribe.ts";

/** randomToken()'s shape: anything else is not ours, and costs no query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** A rating and a 2,000-character comment, form-encoded, fit with room to spare. */
const MAX_FORM_BYTES = 16 * 1024;

/** The ticket and user a live link is for; the user must still be an active customer of the ticket's organisation. */
const linkOf = async (deps: AppDeps, token: string) => {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [link] = await deps.db
    .select({
      ticketId: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      organizationId: tickets.organizationId,
      userId: users.id,
    })
    .from(satisfactionLinks)
    .innerJoin(tickets, eq(tickets.id, satisfactionLinks.ticketId))
    .innerJoin(
      users,
      and(
        eq(users.id, satisfactionLinks.userId),
        eq(users.organizationId, tickets.organizationId),
        eq(users.kind, "CUSTOMER"),
        isNull(users.disabledAt),
      ),
    )
    .where(
      and(eq(satisfactionLinks.tokenHash, sha256(token)), gt(satisfactionLinks.expiresAt, deps.clock.now())),
    );
  return link ?? null;
};

const chosenRating = (value: string | null): SatisfactionRating | null =>
  (SATISFACTION_RATINGS as readonly string[]).includes(value ?? "") ? (value as SatisfactionRating) : null;

/**
 * `GET /mail/rate?token=…&rating=GOOD` shows the rating form (changing nothing: mail scanners
 * follow links); its `POST` records the rating through the same service as the portal. The
 * token alone authorises it, for its one ticket, until it expires.
 */
export const handleSatisfactionLink = async (
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => {
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") {
    res.writeHead(405, { Allow: "GET, HEAD, POST" });
    return res.end();
  }
  const token = url.searchParams.get("token") ?? "";
  const link = await linkOf(deps, token);
  if (!link) {
    req.resume();
    return sendPage(res, 404, invalidRatingLinkPage());
  }
  const ticket = { reference: formatTicketNumber(link.number), subject: link.subject };
  const action = `${SATISFACTION_PATH}?token=${encodeURIComponent(token)}`;
  if (req.method !== "POST") {
    return sendPage(res, 200, ratingFormPage(ticket, action, chosenRating(url.searchParams.get("rating"))));
  }
  const form = new URLSearchParams(await readBody(req, MAX_FORM_BYTES));
  const parsed = RatingInput.safeParse({
    rating: form.get("rating") ?? undefined,
    comment: form.get("comment") ?? "",
  });
  if (!parsed.success) {
    const problem = `Choose good or bad${form.get("comment") ? "; a comment holds at most 2,000 characters" : ""}.`;
    return sendPage(res, 400, ratingFormPage(ticket, action, chosenRating(form.get("rating")), problem));
  }
  const ctx = { db: deps.db, clock: deps.clock, actor: null, ip: null, system: "satisfaction-link" };
  try {
    await rateTicket(ctx, link.ticketId, parsed.data, {
      organizationId: link.organizationId,
      userId: link.userId,
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "TICKET_NOT_RATABLE")
      return sendPage(res, 409, notRatablePage(ticket, error.message));
    throw error;
  }
  return sendPage(res, 200, ratedPage(ticket, parsed.data.rating));
};
