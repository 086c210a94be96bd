import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  RatingInput,
  SATISFACTION_RATINGS,
  type SatisfactionRating,
  type TicketStatus,
} from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { RATING_LABELS, SatisfactionBadge } from "../components/satisfaction-badge.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

/**
 * "How did we do?" on a resolved ticket: good or bad and a comment, changeable until the
 * ticket is closed; a closed ticket shows its final rating.
 */
export const TicketRating = ({ ticketId, status }: { ticketId: string; status: TicketStatus }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery({
    ...trpc.satisfaction.mine.queryOptions({ ticketId }),
    enabled: status === "RESOLVED" || status === "CLOSED",
  });
  const [rating, setRating] = useState<SatisfactionRating | null>(null);
  const [comment, setComment] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(RatingInput);
  const rate = useMutation(
    trpc.satisfaction.rateMine.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.satisfaction.mine.queryKey({ ticketId }) });
      },
    }),
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
  const chosen = rating ?? current.data?.rating ?? null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = form.parse({
      rating: chosen ?? undefined,
      comment: comment ?? current.data?.comment ?? "",
    });
    if (!input) return;
    await rate.mutateAsync({ ticketId, ...input }).catch(form.showServerErrors);
  };
  return (
    <Card title="How did we do?">
      <form onSubmit={submit} noValidate aria-label="Rate this ticket" className="space-y-4">
        <fieldset>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Your rating</legend>
          <div className="mt-2 flex gap-4">
            {SATISFACTION_RATINGS.map((value) => (
              <label
                key={value}
                className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200"
              >
                <input
                  type="radio"
                  name="rating"
                  value={value}
                  checked={chosen === value}
                  onChange={() => setRating(value)}
                />
                {RATING_LABELS[value]}
              </label>
            ))}
          </div>
          {form.errors.rating && (
            <p className="mt-1 text-sm text-red-700 dark:text-red-400">Choose good or bad.</p>
          )}
        </fieldset>
        <Field
          label="Comment (optional)"
          name="comment"
          value={comment ?? current.data?.comment ?? ""}
          onChange={setComment}
          error={form.errors.comment}
          multiline
        />
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
            {current.data ? "Update rating" : "Send rating"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
