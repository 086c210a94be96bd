import { useIsMutating } from "@tanstack/react-query";
import { BrandingInput, type BrandingWarning, brandingWarnings } from "@tessera/domain";
import { Alert, Badge, Button, Card, Switch } from "@tessera/ui";
import { getMutationKey } from "@trpc/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { controlFor, FormError, FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { BrandingPreview } from "./branding-preview.tsx";
import {
  type BrandingState,
  type BrandingValues,
  inputOf,
  previewColours,
  valuesOf,
} from "./branding-values.ts";
import { ColourField } from "./colour-field.tsx";
import { type LogoChoice, LogoPicker, logoPreviewSrc } from "./logo-picker.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { useRefreshWhiteLabel, useWhiteLabelConfig } from "./white-label-data.ts";

const COLOUR_FIELDS = [
  { key: "primaryColor", label: "Primary colour", hint: "Buttons, the active tab and links." },
  { key: "secondaryColor", label: "Secondary colour", hint: "The header bar." },
  { key: "accentColor", label: "Accent colour", hint: "The strip under the header and highlights." },
] as const;

const ContrastWarnings = ({ warnings, title }: { warnings: BrandingWarning[]; title: string }) =>
  warnings.length === 0 ? null : (
    <Alert tone="warning" title={title}>
      <ul className="list-disc space-y-1 pl-5">
        {warnings.map((warning) => (
          <li key={warning.field}>{warning.message}.</li>
        ))}
      </ul>
      <p className="mt-1">
        The portal shows black text on it instead, so it stays readable; a darker colour keeps white text.
      </p>
    </Alert>
  );

/** The master switch: the saved branding shows only while it is on (and the tier includes it). */
const WhiteLabelSwitch = ({ branding }: { branding: BrandingState }) => {
  const refresh = useRefreshWhiteLabel();
  const enable = trpc.whiteLabel.enableWhiteLabel.useMutation({ onSuccess: refresh });
  const status = branding.active ? (
    <Badge tone="green">Showing your branding</Badge>
  ) : branding.enabled ? (
    <Badge tone="amber">On, but your tier does not include branding</Badge>
  ) : (
    <Badge>Showing Tessera's branding</Badge>
  );
  return (
    <Card title="White-label" actions={status}>
      <Switch
        label="Show our branding in the portal and on its sign-in page"
        checked={enable.isPending && enable.variables ? enable.variables.enabled : branding.enabled}
        busy={enable.isPending}
        disabled={!branding.gate.allowed}
        onChange={(enabled) => enable.mutate({ enabled })}
        hint="Off shows Tessera's look; your saved branding is kept either way."
      />
      {enable.error ? (
        <div className="mt-3">
          <ErrorAlert error={enable.error} title="White-label not switched" />
        </div>
      ) : null}
    </Card>
  );
};

/**
 * Save, held back while a logo is still uploading: saving then would store the branding
 * without the logo the owner just chose, and the upload's answer would land unsaved.
 */
const SaveButton = ({
  saving,
  uploading,
  disabled,
}: {
  saving: boolean;
  uploading: boolean;
  disabled: boolean;
}) => {
  const reasonId = useId();
  return (
    <div className="flex items-center justify-end gap-3">
      <p id={reasonId} aria-live="polite" className="text-sm text-fg-muted">
        {uploading ? "Uploading logo…" : ""}
      </p>
      <Button
        type="submit"
        busy={saving}
        disabled={disabled || uploading}
        aria-describedby={uploading ? reasonId : undefined}
      >
        {saving ? "Saving…" : "Save branding"}
      </Button>
    </div>
  );
};

/** The branding form and its save; any edit takes down what the last save said. */
const useBrandingForm = (branding: BrandingState, organizationName: string) => {
  const refresh = useRefreshWhiteLabel();
  const uploading = useIsMutating({ mutationKey: getMutationKey(trpc.whiteLabel.uploadLogo) }) > 0;
  // What the last save answered, until the next edit: whether it shows, and the API's warnings.
  const [saved, setSaved] = useState<{ active: boolean; warnings: BrandingWarning[] } | null>(null);
  const form = useZodForm({
    schema: BrandingInput,
    defaultValues: valuesOf(branding, organizationName),
    toInput: (values) => ({ input: inputOf(values) }),
  });
  const save = trpc.whiteLabel.setBranding.useMutation({
    onSuccess: async (result) => {
      setSaved({ active: result.active, warnings: result.saved?.warnings ?? [] });
      await refresh();
    },
    onError: form.showServerErrors,
  });
  const { watch } = form;
  const { reset } = save;
  useEffect(() => {
    const edits = watch(() => {
      setSaved(null);
      reset();
    });
    return () => edits.unsubscribe();
  }, [watch, reset]);
  const check = form.handleSubmit(
    (input) => save.mutate(input),
    () => reset(),
  );
  // Enter in a field submits too: it waits for the upload as the disabled button does.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!uploading) void check(event);
  };
  return { form, save, saved, uploading, submit };
};

const BrandingEditor = ({
  branding,
  organizationName,
}: {
  branding: BrandingState;
  organizationName: string;
}) => {
  const { form, save, saved, uploading, submit } = useBrandingForm(branding, organizationName);
  const values = form.watch();
  const preview = previewColours(values, branding.effective);
  const disabled = !branding.gate.allowed;
  return (
    <form onSubmit={submit} noValidate aria-label="Branding" className="space-y-6">
      <Card title="Branding">
        <fieldset disabled={disabled} className="space-y-5">
          <FormField
            control={form.control}
            label="Company name"
            name="companyName"
            hint="Shown in the portal's header and on its sign-in page."
            required
          />
          <LogoPicker control={controlFor<LogoChoice, BrandingValues>(form.control)} />
          <div className="grid gap-4 md:grid-cols-3">
            {COLOUR_FIELDS.map((field) => (
              <ColourField
                key={field.key}
                control={form.control}
                label={field.label}
                name={field.key}
                hint={field.hint}
              />
            ))}
          </div>
          <div aria-live="polite">
            {!saved && <ContrastWarnings warnings={brandingWarnings(preview)} title="Low contrast" />}
          </div>
        </fieldset>
      </Card>
      <Card title="Preview">
        <BrandingPreview
          colours={preview}
          companyName={values.companyName}
          logoSrc={logoPreviewSrc(values)}
        />
      </Card>
      <div aria-live="polite" className="space-y-3">
        {saved && (
          <Alert tone="success">
            Branding saved.{" "}
            {saved.active ? "The portal shows it now." : "It shows once white-label is switched on."}
          </Alert>
        )}
        {saved && <ContrastWarnings warnings={saved.warnings} title="Saved, with a contrast warning" />}
      </div>
      <FormError control={form.control} />
      <ErrorAlert error={save.error} title="Branding not saved" />
      <SaveButton saving={save.isPending} uploading={uploading} disabled={disabled} />
    </form>
  );
};

/** Company name, logo and colours, with a live preview; and the switch that shows them. */
export const BrandingSettingsPage = () => {
  const config = useWhiteLabelConfig();
  return (
    <QueryState query={config}>
      {(data) => (
        <>
          <GateNotice gate={data.branding.gate} what="Branding" />
          <WhiteLabelSwitch branding={data.branding} />
          <BrandingEditor branding={data.branding} organizationName={data.organizationName} />
        </>
      )}
    </QueryState>
  );
};
