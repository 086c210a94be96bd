import { SATISFACTION_RATINGS, type SatisfactionRating } from "@tessera/domain";
import { button, page } from "./unsubscribe-page.tsx";

interface RatedTicket {
  reference: string;
  subject: string;
}

const LABELS: Record<SatisfactionRating, string> = { GOOD: "Good", BAD: "Bad" };
const field = { display: "block", margin: "0.75rem 0" };

/** The rating form; GET shows it (link scanners change nothing), its POST records the rating. */
export const ratingFormPage = (
  ticket: RatedTicket,
  action: string,
  chosen: SatisfactionRating | null,
  problem: string | null = null,
) =>
  page(
    `Rate ${ticket.reference}`,
    <>
      <p>
        How was the help you got with “{ticket.subject}”? You can change your rating until the ticket is
        closed.
      </p>
      {problem && (
        <p role="alert" style={{ color: "#b91c1c" }}>
          {problem}
        </p>
      )}
      <form method="post" action={action}>
        <fieldset style={{ border: 0, padding: 0 }}>
          <legend>Your rating</legend>
          {SATISFACTION_RATINGS.map((rating) => (
            <label key={rating} style={field}>
              <input type="radio" name="rating" value={rating} defaultChecked={rating === chosen} required />{" "}
              {LABELS[rating]}
            </label>
          ))}
        </fieldset>
        <label style={field}>
          Comment (optional)
          <textarea name="comment" maxLength={2000} rows={4} style={{ display: "block", width: "100%" }} />
        </label>
        <button type="submit" style={button}>
          Send rating
        </button>
      </form>
    </>,
  );

export const ratedPage = (ticket: RatedTicket, rating: SatisfactionRating) =>
  page(
    "Thank you",
    <p>
      Your rating of {ticket.reference}, {LABELS[rating].toLowerCase()}, was recorded.
    </p>,
  );

export const notRatablePage = (ticket: RatedTicket, reason: string) =>
  page(`${ticket.reference} cannot be rated`, <p>{reason}</p>);

export const invalidRatingLinkPage = () =>
  page(
    "This link is not valid",
    <p>The rating link is incomplete, was changed or has expired. You can rate the ticket in the portal.</p>,
  );
