import { z } from "zod";
import { DomainError } from "../errors.ts";
import { textInput } from "../text-input.ts";
import type { TicketStatus } from "./status.ts";

export const SATISFACTION_RATINGS = ["GOOD", "BAD"] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];

/** How long the rating link of a resolution mail works. */
export const SATISFACTION_LINK_DAYS = 14;

/** The link of a resolution mail sent at `now` stops working at this instant. */
export const satisfactionLinkExpiry = (now: Date): Date =>
  new Date(now.getTime() + SATISFACTION_LINK_DAYS * 86_400_000);

/**
 * A ticket is rated while RESOLVED: the requester may change their mind until it is closed,
 * after which the rating is final; an unresolved ticket has nothing to rate yet.
 */
export const assertRatable = (status: TicketStatus): void => {
  if (status === "RESOLVED") return;
  throw new DomainError(
    "TICKET_NOT_RATABLE",
    status === "CLOSED"
      ? "This ticket is closed: its rating is final"
      : `Only a resolved ticket can be rated; this one is ${status}`,
    { field: "ticketId", currentStatus: status },
  );
};

/** The share of good ratings among those given; null when none were given. */
export const goodShare = (good: number, rated: number): number | null => (rated > 0 ? good / rated : null);

/** A rating as the page of the mail's link posts it (the link names the ticket). */
export const RatingInput = z.object({
  rating: z.enum(SATISFACTION_RATINGS),
  /** Empty is no comment. */
  comment: textInput({ multiline: true })
    .max(2_000, { message: "must be at most 2,000 characters" })
    .transform((comment) => (comment === "" ? null : comment))
    .nullable()
    .default(null),
});
export type RatingInput = z.input<typeof RatingInput>;

export const RateTicketInput = RatingInput.extend({ ticketId: z.uuid() });
export type RateTicketInput = z.input<typeof RateTicketInput>;
