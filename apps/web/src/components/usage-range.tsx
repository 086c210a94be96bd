import { rangeAfterToday, UsageRange, utcDay } from "@tessera/domain";
import { useRef } from "react";
import { useSearchParams } from "react-router";
import { Field } from "./field.tsx";

/** Messages by field (`from`, `to`): the range is URL state checked as it is typed, not a submitted form. */
type FieldErrors = Record<string, string[]>;

const DAY = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The last `days` UTC days, today included. */
const lastDays = (days: number, now = new Date()) => ({
  from: utcDay(new Date(now.getTime() - (days - 1) * DAY)),
  to: utcDay(now),
});

export interface DayRange {
  from: string;
  to: string;
}

/**
 * The range's errors by field, checked with the API's own schema (order, at most 2 years) and,
 * where the API refuses the future (the portal), its check against today.
 */
const rangeErrors = ({ from, to }: DayRange, notAfterToday: boolean): FieldErrors => {
  const errors: FieldErrors = {};
  if (!DAY_PATTERN.test(from)) errors.from = ["is required"];
  if (!DAY_PATTERN.test(to)) errors.to = ["is required"];
  if (Object.keys(errors).length) return errors;
  const future = notAfterToday ? rangeAfterToday({ from, to }, new Date()) : null;
  if (future) return { [future.field]: [future.message] };
  const result = UsageRange.safeParse({ from, to });
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "to");
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  return errors;
};

/**
 * A report's date range in the URL (`?from=…&to=…`, UTC days), last 30 days by default, so
 * reloads and shared links keep it. `range` is what to ask the API for: null while the typed
 * range is wrong (its errors show beside the inputs and the page keeps the last report).
 */
export const useDayRange = (defaultDays = 30, { notAfterToday = false } = {}) => {
  const [params, setParams] = useSearchParams();
  const fallback = lastDays(defaultDays);
  const typed: DayRange = { from: params.get("from") ?? fallback.from, to: params.get("to") ?? fallback.to };
  const errors = rangeErrors(typed, notAfterToday);
  // The router's updater sees the params of the last render, so a second edit before the
  // re-render (From, then To at once) undid the first; each edit builds on the one before.
  const latest = useRef(params);
  latest.current = params;
  const set = (field: keyof DayRange) => (value: string) => {
    const next = new URLSearchParams(latest.current);
    next.set(field, value);
    latest.current = next;
    setParams(next, { replace: true });
  };
  return {
    typed,
    errors,
    range: Object.keys(errors).length ? null : typed,
    setFrom: set("from"),
    setTo: set("to"),
  };
};

/** Two date inputs for a report's range, with the schema's messages beside them. */
export const DayRangeFields = ({
  range,
}: {
  range: Pick<ReturnType<typeof useDayRange>, "typed" | "errors" | "setFrom" | "setTo">;
}) => (
  <fieldset className="grid gap-4 sm:grid-cols-2">
    <legend className="sr-only">Date range (UTC days)</legend>
    <Field
      label="From"
      name="usageFrom"
      type="date"
      value={range.typed.from}
      onChange={range.setFrom}
      error={range.errors.from}
    />
    <Field
      label="To"
      name="usageTo"
      type="date"
      value={range.typed.to}
      onChange={range.setTo}
      error={range.errors.to}
      hint="Dates are UTC days; at most 2 years"
    />
  </fieldset>
);
