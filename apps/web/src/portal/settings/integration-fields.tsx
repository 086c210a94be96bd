import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@tessera/domain";
import { useId } from "react";
import { type Control, useController } from "react-hook-form";
import { FormField } from "../../components/form-field.tsx";

export interface IntegrationValues {
  name: string;
  url: string;
  events: WebhookEventType[];
}

export const EMPTY_INTEGRATION: IntegrationValues = { name: "", url: "", events: [] };

// biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to the fields
type IntegrationControl = Control<IntegrationValues, unknown, any>;

/** The required events, as checkboxes; the group takes focus when it is the first invalid field. */
const EventsFieldset = ({ control }: { control: IntegrationControl }) => {
  const eventsId = useId();
  const { field, fieldState } = useController({ control, name: "events" });
  const error = fieldState.error?.message;
  const toggle = (event: WebhookEventType, on: boolean) =>
    field.onChange(on ? [...field.value, event] : field.value.filter((item) => item !== event));
  return (
    <fieldset ref={field.ref} tabIndex={-1} aria-describedby={error ? `${eventsId}-error` : undefined}>
      <legend className="text-sm font-medium text-fg">
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
              checked={field.value.includes(event)}
              onChange={(change) => toggle(event, change.target.checked)}
              className="size-4"
            />
            <span className="font-mono text-fg">{event}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${eventsId}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
};

/** A webhook's name, https URL and the events it receives: for adding one and for editing it. */
export const IntegrationFields = ({ control }: { control: IntegrationControl }) => (
  <div className="space-y-4">
    <div className="grid gap-4 md:grid-cols-2">
      <FormField
        control={control}
        label="Name"
        name="name"
        htmlName="integrationName"
        placeholder="e.g. CRM sync"
        required
      />
      <FormField
        control={control}
        label="Webhook URL"
        name="url"
        htmlName="integrationUrl"
        type="url"
        placeholder="https://"
        hint="We POST each event here as JSON, signed with the integration's secret."
        required
      />
    </div>
    <EventsFieldset control={control} />
  </div>
);
