import { DATE_FORMATS, type DateFormat, DatePreferencesInput } from "@tessera/domain";
import { Alert, Button, Card } from "@tessera/ui";
import { dateFormatter } from "../components/dates/date-format.ts";
import { browserDateSettings, useDatePreferences } from "../components/dates/use-date-format.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormError, FormSelect } from "../components/form-field.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

/** "" in a select: follow the browser, saved as null. */
const BROWSER = "";

interface Saved {
  timeZone: string | null;
  dateFormat: DateFormat | null;
}

/** Every zone the browser knows (UTC too, which some list apart), the saved one kept if it is not among them. */
const zoneNames = (saved: string | null) => {
  const names = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  if (saved) names.add(saved);
  return [...names].sort();
};

const PreferencesForm = ({ saved }: { saved: Saved }) => {
  const utils = trpc.useUtils();
  const form = useZodForm({
    schema: DatePreferencesInput,
    defaultValues: { timeZone: saved.timeZone ?? BROWSER, dateFormat: saved.dateFormat ?? BROWSER },
    toInput: (values) => ({
      input: { timeZone: values.timeZone || null, dateFormat: values.dateFormat || null },
    }),
  });
  const [timeZone, dateFormat] = form.watch(["timeZone", "dateFormat"]);
  const save = trpc.datePreferences.set.useMutation({
    onSuccess: (next) => utils.datePreferences.get.setData(undefined, next),
    onError: form.showServerErrors,
  });
  const browser = browserDateSettings();
  const now = new Date();
  const example = (format: DateFormat) =>
    dateFormatter({ timeZone: browser.timeZone, dateFormat: format }).day(now);
  const preview = dateFormatter({
    timeZone: timeZone || browser.timeZone,
    dateFormat: (dateFormat || browser.dateFormat) as DateFormat,
  });
  const submit = form.handleSubmit(
    (input) => save.mutate(input),
    () => save.reset(),
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <FormSelect
          control={form.control}
          label="Time zone"
          name="timeZone"
          options={[
            { value: BROWSER, label: `This browser's (${browser.timeZone})` },
            ...zoneNames(saved.timeZone).map((zone) => ({ value: zone, label: zone })),
          ]}
        />
        <FormSelect
          control={form.control}
          label="Date format"
          name="dateFormat"
          options={[
            { value: BROWSER, label: `This browser's (${example(browser.dateFormat)})` },
            ...DATE_FORMATS.map((format) => ({ value: format, label: example(format) })),
          ]}
        />
      </div>
      <p className="text-sm text-fg-muted">
        Preview: <output data-testid="date-preview">{preview.instant(now)}</output>
      </p>
      <FormError control={form.control} />
      <div className="flex items-center gap-3">
        <Button type="submit" busy={save.isPending}>
          Save
        </Button>
      </div>
      <div aria-live="polite">
        {save.isSuccess && !save.isPending ? <Alert tone="success">Saved.</Alert> : null}
        <ErrorAlert error={save.error} title="Not saved" />
      </div>
    </form>
  );
};

/**
 * The zone and date format every date in both areas is written in, kept on the account so
 * they follow the person to any device; "this browser's" follows each device instead.
 */
export const DatePreferencesPage = () => {
  const preferences = useDatePreferences();
  return (
    <Card title="Date and time">
      <p className="mb-4 text-sm text-fg-muted">
        Times are shown in this zone and say it. Usage periods are UTC days and months, and say so.
      </p>
      <QueryState query={preferences}>{(saved) => <PreferencesForm saved={saved} />}</QueryState>
    </Card>
  );
};
