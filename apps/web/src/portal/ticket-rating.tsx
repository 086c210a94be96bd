import {
  RatingInput,
  SATISFACTION_RATINGS,
  type SatisfactionRating,
  type TicketStatus,
} from "@tessera/domain";
import { Alert, Button, Card } from "@tessera/ui";
import { useState } from "react";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { RATING_LABELS, SatisfactionBadge } from "../components/satisfaction-badge.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

interface StoredRating {
  rating: SatisfactionRating;
  comment: string | null;
}

/** Good or bad and a comment, starting from the rating already given (if any). */
const RatingForm = ({ ticketId, given }: { ticketId: string; given: StoredRating | undefined }) => {
  const utils = trpc.useUtils();
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: RatingInput,
    defaultValues: {
      rating: (given?.rating ?? "") as SatisfactionRating | "",
      comment: given?.comment ?? "",
    },
    toInput: (values) => ({ input: { ...values, rating: values.rating || undefined } }),
  });
  const rate = trpc.satisfaction.rateMine.useMutation({
    onSuccess: async () => {
      setSaved(true);
      await utils.satisfaction.mine.invalidate({ ticketId });
    },
  });
  const submit = form.handleSubmit(
    async (input) => {
      setSaved(false);
      await rate.mutateAsync({ ticketId, ...input }).catch(form.showServerErrors);
    },
    () => setSaved(false),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Rate this ticket" className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-fg">Your rating</legend>
        <div className="mt-2 flex gap-4">
          {SATISFACTION_RATINGS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm text-fg">
              <input type="radio" value={value} {...form.register("rating")} />
              {RATING_LABELS[value]}
            </label>
          ))}
        </div>
        {form.errors.rating && (
          <p className="mt-1 text-sm text-red-700 dark:text-red-400">Choose good or bad.</p>
        )}
      </fieldset>
      <FormField control={form.control} label="Comment (optional)" name="comment" multiline />
      <div aria-live="polite" className="space-y-2">
        <ErrorAlert error={rate.error} title="Not rated" />
        {saved && (
          <Alert tone="success">
            Thank you: your rating was saved. You can change it until the ticket is closed.
          </Alert>
        )}
      </div>
      <div className="flex justify-end">
        <Button type="submit" busy={rate.isPending}>
          {given ? "Update rating" : "Send rating"}
        </Button>
      </div>
    </form>
  );
};

/**
 * "How did we do?" on a resolved ticket: good or bad and a comment, changeable until the
 * ticket is closed; a closed ticket shows its final rating.
 */
export const TicketRating = ({ ticketId, status }: { ticketId: string; status: TicketStatus }) => {
  const current = trpc.satisfaction.mine.useQuery(
    { ticketId },
    { enabled: status === "RESOLVED" || status === "CLOSED" },
  );
  if (status !== "RESOLVED" && !(status === "CLOSED" && current.data)) return null;
  if (status === "CLOSED" && current.data) {
    return (
      <Card title="Your rating">
        <p className="text-sm">
          <SatisfactionBadge rating={current.data.rating} />
          {current.data.comment && <span className="ml-2 whitespace-pre-wrap">{current.data.comment}</span>}
        </p>
      </Card>
    );
  }
  return (
    <Card title="How did we do?">
      {current.isPending ? null : <RatingForm ticketId={ticketId} given={current.data ?? undefined} />}
    </Card>
  );
};
