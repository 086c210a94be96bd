import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type BusinessCalendar, SupportTeamInput, WEEKDAYS, type Weekday } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { Switch } from "../components/switch.tsx";
import { errorsUnder, type FieldErrors, useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
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
  hours: {
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
type Values = typeof NEW_TEAM & { hours: Record<Weekday, string> };

const valuesOf = (team: SupportTeam): Values => ({
  name: team.name,
  businessHours: team.businessHours,
  timeZone: team.timeZone,
  hours: Object.fromEntries(WEEKDAYS.map((day) => [day, spansToText(team.weeklyHours[day])])) as Record<
    Weekday,
    string
  >,
  holidays: team.holidays.join("\n"),
});

/** The input from the typed values, with the days whose text is not spans at all. */
const inputOf = (values: Values) => {
  const unreadable: FieldErrors = {};
  const weeklyHours = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const spans = textToSpans(values.hours[day]);
      if (!spans) unreadable[`weeklyHours.${day}`] = ["must be spans such as 09:00-12:00, 13:00-17:00"];
      return [day, spans ?? []];
    }),
  );
  const input = { ...values, weeklyHours, holidays: textToHolidays(values.holidays) };
  return { input, unreadable };
};

/**
 * A support team's name and business hours: weekly spans in the team's time zone and its
 * holidays. SLA clocks of the team's tickets (but CRITICAL ones) count only these hours.
 */
export const TeamCalendarForm = ({ team }: { team?: SupportTeam }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(team ? valuesOf(team) : NEW_TEAM);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(SupportTeamInput);
  const options = {
    onSuccess: async () => {
      setSaved(true);
      if (!team) setValues(NEW_TEAM);
      await queryClient.invalidateQueries({ queryKey: trpc.supportSettings.get.queryKey() });
    },
    onError: form.showServerErrors,
  };
  const update = useMutation(trpc.supportSettings.updateTeam.mutationOptions(options));
  const create = useMutation(trpc.supportSettings.createTeam.mutationOptions(options));
  const save = team ? update : create;
  const title = team ? `Team ${team.name}` : "New team";
  const prefix = team ? `team-${team.id}` : "new-team";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const { input, unreadable } = inputOf(values);
    const parsed = form.parse(input, unreadable);
    if (!parsed) return;
    if (team) update.mutate({ ...parsed, teamId: team.id });
    else create.mutate(parsed);
  };
  const set =
    <Key extends keyof Values>(key: Key) =>
    (value: Values[Key]) =>
      setValues({ ...values, [key]: value });
  return (
    <Card title={team?.isDefault ? `${title} (default)` : title}>
      <form onSubmit={submit} noValidate aria-label={title} className="grid gap-4 md:grid-cols-2">
        <Field
          label="Name"
          name={`${prefix}-name`}
          value={values.name}
          onChange={set("name")}
          error={form.errors.name}
          required
        />
        <Field
          label="Time zone"
          name={`${prefix}-time-zone`}
          value={values.timeZone}
          onChange={set("timeZone")}
          error={form.errors.timeZone}
          hint="An IANA zone such as Europe/Berlin or America/New_York."
          required
        />
        <div className="md:col-span-2">
          <Switch
            label="Count SLA clocks in business hours"
            checked={values.businessHours}
            onChange={set("businessHours")}
            hint="Off: clocks run around the clock. CRITICAL tickets always do."
          />
        </div>
        {WEEKDAYS.map((day) => (
          <Field
            key={day}
            label={`${DAY_NAMES[day]} hours`}
            name={`${prefix}-${day}`}
            value={values.hours[day]}
            onChange={(text) => setValues({ ...values, hours: { ...values.hours, [day]: text } })}
            error={errorsUnder(form.errors, `weeklyHours.${day}`)}
            placeholder="closed"
          />
        ))}
        {form.errors.weeklyHours && (
          <div className="md:col-span-2">
            <Alert title="Weekly hours">{form.errors.weeklyHours.join(" ")}</Alert>
          </div>
        )}
        <div className="md:col-span-2">
          <Field
            label="Holidays"
            name={`${prefix}-holidays`}
            value={values.holidays}
            onChange={set("holidays")}
            error={errorsUnder(form.errors, "holidays")}
            hint="Local dates without business hours, one per line, such as 2026-12-25."
            multiline
          />
        </div>
        <div className="md:col-span-2 space-y-2">
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
