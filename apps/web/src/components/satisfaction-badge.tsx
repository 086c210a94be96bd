import type { SatisfactionRating } from "@tessera/domain";
import { Badge } from "@tessera/ui";

export const RATING_LABELS: Record<SatisfactionRating, string> = { GOOD: "Good", BAD: "Bad" };

/** A customer's rating of a ticket, green or red. */
export const SatisfactionBadge = ({ rating }: { rating: SatisfactionRating }) => (
  <Badge tone={rating === "GOOD" ? "green" : "red"}>{RATING_LABELS[rating]}</Badge>
);
