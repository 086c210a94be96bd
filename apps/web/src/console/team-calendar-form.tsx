import { type BusinessCalendar, SupportTeamInput, WEEKDAYS, type Weekday } from "@tessera/domain";
import { Alert, Button, Card, Switch } from "@tessera/ui";
import { useState } from "react";
import { useController } from "react-hook-form";
import { ErrorAlert } from "../components/error-alert.tsx";
import type { PathMessage } from "../components/form-errors.ts";
import { FormError, FormField } from "../components/form-field.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";
import { spansToText, textToHolidays, textToSpans } from "./business-hours-text.ts";

export type SupportTeam = BusinessCalendar & {
  id: string;
  name: string;
  isDefault: boolean;
  businessHours: boolean;
};

const DAY_NAMES: Record<Weekday, string> = {
  MON: "Monday",
  TUE: "Tuesday",
  WED: "Wednesday",
  THU: "Thursday",
  FRI: "Friday",
  SAT: "Saturday",
  SUN: "Sunday",
};
const nineToFive = "09:00-17:00";
const NEW_TEAM = {
  name: "",
  businessHours: true,
  timeZone: "UTC",
  weeklyHours: {
    MON: nineToFive,
    TUE: nineToFive,
    WED: nineToFive,
    THU: nineToFive,
    FRI: nineToFive,
    SAT: "",
    SUN: "",
  },
  holidays: "",
};
type Values = typeof NEW_TEAM & { weeklyHours: Record<Weekday, string> };

const valuesOf = (team: SupportTeam): Values => ({
  name: team.name,
  businessHours: team.businessHours,
  timeZone: team.timeZone,
  weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, spansToText(team.weeklyHours[day])])) as Record<
    Weekday,
    string
  >,
  holidays: team.holidays.join("\n"),
});

/** The input from the typed values, with the days whose text is not spans at all. */
const inputOf = (values: Values) => {
  const errors: PathMessage[] = [];
  const weeklyHours = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const spans = textToSpans(values.weeklyHours[day]);
      if (!spans)
        errors.push({
          path: `weeklyHours.${day}`,
          message: "must be spans such as 09:00-12:00, 13:00-17:00",
        });
      return [day, spans ?? []];
    }),
  );
  const input = { ...values, weeklyHours, holidays: textToHolidays(values.holidays) };
  return { input, errors };
};

/**
 * A support team's name and business hours: weekly spans in the team's time zone and its
 * holidays. SLA clocks of the team's tickets (but CRITICAL ones) count only these hours.
 */
export const TeamCalendarForm = ({ team }: { team?: SupportTeam }) => {
  const utils = trpc.useUtils();
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: SupportTeamInput,
    defaultValues: team ? valuesOf(team) : NEW_TEAM,
    toInput: inputOf,
  });
  const businessHours = useController({ control: form.control, name: "businessHours" }).field;
  const options = {
    onSuccess: async () => {
      setSaved(true);
      if (!team) form.reset();
      await utils.supportSettings.get.invalidate();
    },
    onError: form.showServerErrors,
  };
  const update = trpc.supportSettings.updateTeam.useMutation(options);
  const create = trpc.supportSettings.createTeam.useMutation(options);
  const save = team ? update : create;
  const title = team ? `Team ${team.name}` : "New team";
  const prefix = team ? `team-${team.id}` : "new-team";
  const submit = form.handleSubmit(
    (input) => {
      setSaved(false);
      if (team) update.mutate({ ...input, teamId: team.id });
      else create.mutate(input);
    },
    () => setSaved(false),
  );
  const weeklyError = form.errors.weeklyHours?.message;
  return (
    <Card title={team?.isDefault ? `${title} (default)` : title}>
      <form onSubmit={submit} noValidate aria-label={title} className="grid gap-4 md:grid-cols-2">
        <FormField control={form.control} label="Name" name="name" htmlName={`${prefix}-name`} required />
        <FormField
          control={form.control}
          label="Time zone"
          name="timeZone"
          htmlName={`${prefix}-time-zone`}
          hint="An IANA zone such as Europe/Berlin or America/New_York."
          required
        />
        <div className="md:col-span-2">
          <Switch
            label="Count SLA clocks in business hours"
            checked={businessHours.value}
            onChange={businessHours.onChange}
            hint="Off: clocks run around the clock. CRITICAL tickets always do."
          />
        </div>
        {WEEKDAYS.map((day) => (
          <FormField
            key={day}
            control={form.control}
            label={`${DAY_NAMES[day]} hours`}
            name={`weeklyHours.${day}`}
            htmlName={`${prefix}-${day}`}
            placeholder="closed"
          />
        ))}
        {weeklyError && (
          <div className="md:col-span-2">
            <Alert title="Weekly hours">{weeklyError}</Alert>
          </div>
        )}
        <div className="md:col-span-2">
          <FormField
            control={form.control}
            label="Holidays"
            name="holidays"
            htmlName={`${prefix}-holidays`}
            hint="Local dates without business hours, one per line, such as 2026-12-25."
            multiline
          />
        </div>
        <div className="md:col-span-2 space-y-2">
          <FormError control={form.control} />
          <ErrorAlert error={save.error} title="Not saved" />
          {saved && <Alert tone="success">Saved. Open tickets' due times now follow these hours.</Alert>}
        </div>
        <div className="flex justify-end md:col-span-2">
          <Button type="submit" busy={save.isPending}>
            {team ? "Save team" : "Add team"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
