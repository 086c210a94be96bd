import { METRIC_LABELS, METRICS, type Metric, UpdateLicenseSettingsInput } from "@tessera/domain";
import { Button } from "@tessera/ui";
import { useState } from "react";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormError, FormField } from "../components/form-field.tsx";
import type { License } from "../components/license-summary.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

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

type PolicyValues = ReturnType<typeof initialValues>;

/** Text as the number typed, so the schema names a wrong entry instead of the form guessing. */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** The form's text → the API's input; the overage policy only on a CUSTOM license. */
const settingsInputOf = (licenseId: string, values: PolicyValues, custom: boolean) => ({
  licenseId,
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

/**
 * Staff ADMINs choose a license's expiry reminder points and, on a CUSTOM license, each
 * metric's tolerance and grace past its limit; checked with the API's own schema.
 */
export const LicensePolicyForm = ({ license }: { license: License }) => {
  const utils = trpc.useUtils();
  const [saved, setSaved] = useState(false);
  const custom = license.tier === "CUSTOM";
  const form = useZodForm({
    schema: UpdateLicenseSettingsInput,
    defaultValues: initialValues(license),
    toInput: (values) => ({ input: settingsInputOf(license.id, values, custom) }),
  });
  const save = trpc.licenses.updateSettings.useMutation({
    onSuccess: async () => {
      setSaved(true);
      await utils.licenses.invalidate();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => {
      setSaved(false);
      save.mutate(input);
    },
    () => setSaved(false),
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormField
        control={form.control}
        label="Reminder days before expiry"
        name="reminderDays"
        hint="1 to 5 distinct days, each 1–120, separated by commas"
      />
      {custom && (
        <fieldset className="grid gap-4 md:grid-cols-4">
          <legend className="mb-2 text-sm font-semibold text-fg-muted">
            Tolerance and grace past each limit
          </legend>
          {METRICS.map((metric) => (
            <div key={metric} className="space-y-2">
              <FormField
                control={form.control}
                label={`${METRIC_LABELS[metric]} tolerance (%)`}
                name={`overage.${metric}.tolerancePercent`}
                htmlName={`${metric}-tolerance`}
                type="number"
              />
              <FormField
                control={form.control}
                label={`${METRIC_LABELS[metric]} grace (days)`}
                name={`overage.${metric}.graceDays`}
                htmlName={`${metric}-grace`}
                type="number"
              />
            </div>
          ))}
        </fieldset>
      )}
      <FormError control={form.control} />
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
