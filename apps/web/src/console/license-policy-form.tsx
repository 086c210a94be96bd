import { useMutation, useQueryClient } from "@tanstack/react-query";
import { METRIC_LABELS, METRICS, type Metric, UpdateLicenseSettingsInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Button } from "../components/button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import type { License } from "../components/license-summary.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

const initialValues = (license: License) => ({
  reminderDays: license.reminderDays.join(", "),
  overage: Object.fromEntries(
    METRICS.map((metric) => [
      metric,
      {
        tolerancePercent: String(license.entitlements.overage[metric].tolerancePercent),
        graceDays: String(license.entitlements.overage[metric].graceDays),
      },
    ]),
  ) as Record<Metric, { tolerancePercent: string; graceDays: string }>,
});

/** Text as the number typed, so the schema names a wrong entry instead of the form guessing. */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/**
 * Staff ADMINs choose a license's expiry reminder points and, on a CUSTOM license, each
 * metric's tolerance and grace past its limit; checked with the API's own schema.
 */
export const LicensePolicyForm = ({ license }: { license: License }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => initialValues(license));
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(UpdateLicenseSettingsInput);
  const save = useMutation(
    trpc.licenses.updateSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.licenses.pathKey() });
      },
      onError: form.showServerErrors,
    }),
  );
  const custom = license.tier === "CUSTOM";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = form.parse({
      licenseId: license.id,
      reminderDays: values.reminderDays
        .split(",")
        .map((text) => text.trim())
        .filter(Boolean)
        .map(numberOf),
      ...(custom
        ? {
            overage: Object.fromEntries(
              METRICS.map((metric) => [
                metric,
                {
                  tolerancePercent: numberOf(values.overage[metric].tolerancePercent),
                  graceDays: numberOf(values.overage[metric].graceDays),
                },
              ]),
            ),
          }
        : {}),
    });
    if (input) save.mutate(input);
  };
  const setOverage = (metric: Metric, field: "tolerancePercent" | "graceDays", text: string) =>
    setValues({
      ...values,
      overage: { ...values.overage, [metric]: { ...values.overage[metric], [field]: text } },
    });
  const errors = form.errors;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field
        label="Reminder days before expiry"
        name="reminderDays"
        value={values.reminderDays}
        onChange={(reminderDays) => setValues({ ...values, reminderDays })}
        error={
          errors.reminderDays ?? Object.entries(errors).find(([key]) => key.startsWith("reminderDays."))?.[1]
        }
        hint="1 to 5 distinct days, each 1–120, separated by commas"
      />
      {custom && (
        <fieldset className="grid gap-4 md:grid-cols-4">
          <legend className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
            Tolerance and grace past each limit
          </legend>
          {METRICS.map((metric) => (
            <div key={metric} className="space-y-2">
              <Field
                label={`${METRIC_LABELS[metric]} tolerance (%)`}
                name={`${metric}-tolerance`}
                type="number"
                value={values.overage[metric].tolerancePercent}
                onChange={(text) => setOverage(metric, "tolerancePercent", text)}
                error={errors[`overage.${metric}.tolerancePercent`]}
              />
              <Field
                label={`${METRIC_LABELS[metric]} grace (days)`}
                name={`${metric}-grace`}
                type="number"
                value={values.overage[metric].graceDays}
                onChange={(text) => setOverage(metric, "graceDays", text)}
                error={errors[`overage.${metric}.graceDays`]}
              />
            </div>
          ))}
        </fieldset>
      )}
      <ErrorAlert error={save.error} />
      <div className="flex items-center gap-3">
        <Button type="submit" busy={save.isPending}>
          Save reminders and grace
        </Button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
};
