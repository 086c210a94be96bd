import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@tessera/domain";
import { useId } from "react";
import { Field } from "../../components/field.tsx";
import { errorsUnder, type FieldErrors } from "../../components/use-form.ts";

export interface IntegrationValues {
  name: string;
  url: string;
  events: WebhookEventType[];
}

export const EMPTY_INTEGRATION: IntegrationValues = { name: "", url: "", events: [] };

/** A webhook's name, https URL and the events it receives: for adding one and for editing it. */
export const IntegrationFields = ({
  values,
  onChange,
  errors,
}: {
  values: IntegrationValues;
  onChange: (values: IntegrationValues) => void;
  errors: FieldErrors;
}) => {
  const eventsId = useId();
  const eventErrors = errorsUnder(errors, "events");
  const toggle = (event: WebhookEventType, on: boolean) =>
    onChange({
      ...values,
      events: on ? [...values.events, event] : values.events.filter((item) => item !== event),
    });
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Name"
          name="integrationName"
          value={values.name}
          onChange={(name) => onChange({ ...values, name })}
          error={errors.name}
          placeholder="e.g. CRM sync"
          required
        />
        <Field
          label="Webhook URL"
          name="integrationUrl"
          type="url"
          value={values.url}
          onChange={(url) => onChange({ ...values, url })}
          error={errors.url}
          placeholder="https://"
          hint="We POST each event here as JSON, signed with the integration's secret."
          required
        />
      </div>
      <fieldset aria-describedby={eventErrors ? `${eventsId}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
          Events
          <span aria-hidden="true" className="text-red-700 dark:text-red-400">
            {" "}
            *
          </span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {WEBHOOK_EVENT_TYPES.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="integrationEvents"
                value={event}
                checked={values.events.includes(event)}
                onChange={(change) => toggle(event, change.target.checked)}
                className="size-4"
              />
              <span className="font-mono text-slate-900 dark:text-slate-100">{event}</span>
            </label>
          ))}
        </div>
        {eventErrors && (
          <p id={`${eventsId}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
            {eventErrors[0]}
          </p>
        )}
      </fieldset>
    </div>
  );
};
