import { useIsMutating, useMutation } from "@tanstack/react-query";
import { BrandingInput, type BrandingWarning, brandingWarnings, HexColor } from "@tessera/domain";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Badge } from "../../components/badge.tsx";
import { Button } from "../../components/button.tsx";
import { Card } from "../../components/card.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { Switch } from "../../components/switch.tsx";
import { useSchemaForm } from "../../components/use-form.ts";
import { type BrandColours, TESSERA_COLOURS } from "../../theme/brand-colours.ts";
import { useTRPC } from "../../trpc.ts";
import { type BrandingFields, currentErrors } from "./branding-errors.ts";
import { BrandingPreview } from "./branding-preview.tsx";
import { ColourField } from "./colour-field.tsx";
import { type LogoChoice, LogoPicker, logoPreviewSrc, NO_LOGO } from "./logo-picker.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { useRefreshWhiteLabel, useWhiteLabelConfig, type WhiteLabelConfig } from "./white-label-data.ts";

type BrandingState = WhiteLabelConfig["branding"];

interface BrandingValues extends BrandColours {
  companyName: string;
  logo: LogoChoice;
}

const COLOUR_FIELDS = [
  { key: "primaryColor", label: "Primary colour", hint: "Buttons, the active tab and links." },
  { key: "secondaryColor", label: "Secondary colour", hint: "The header bar." },
  { key: "accentColor", label: "Accent colour", hint: "The strip under the header and highlights." },
] as const;

const valuesOf = (branding: BrandingState, organizationName: string): BrandingValues => {
  const saved = branding.saved;
  if (!saved) return { companyName: organizationName, logo: NO_LOGO, ...TESSERA_COLOURS };
  return {
    companyName: saved.companyName,
    primaryColor: saved.primaryColor,
    secondaryColor: saved.secondaryColor,
    accentColor: saved.accentColor,
    logo: saved.logoAssetId
      ? { logoUrl: "", logoAssetId: saved.logoAssetId, uploadedSrc: saved.logoSrc }
      : { ...NO_LOGO, logoUrl: saved.logoUrl ?? "" },
  };
};

/** What the form sends: an upload wins over a link, and an empty link is no logo. */
const fieldsOf = (values: BrandingValues): BrandingFields => {
  const logoUrl = values.logo.logoUrl.trim();
  return {
    companyName: values.companyName,
    logoUrl: values.logo.logoAssetId || logoUrl === "" ? null : logoUrl,
    logoAssetId: values.logo.logoAssetId,
    primaryColor: values.primaryColor,
    secondaryColor: values.secondaryColor,
    accentColor: values.accentColor,
  };
};

/** A colour as the API will store it (`#rrggbb`), or null while what is typed is not one. */
const hexOrNull = (value: string) => {
  const parsed = HexColor.safeParse(value);
  return parsed.success ? parsed.data : null;
};

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
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const enable = useMutation(trpc.whiteLabel.enableWhiteLabel.mutationOptions({ onSuccess: refresh }));
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
      <p id={reasonId} aria-live="polite" className="text-sm text-slate-600 dark:text-slate-300">
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

const BrandingEditor = ({
  branding,
  organizationName,
}: {
  branding: BrandingState;
  organizationName: string;
}) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [values, setValues] = useState(() => valuesOf(branding, organizationName));
  // What the last check was of: a field edited since shows its current state, not the old message.
  const [checked, setChecked] = useState<BrandingFields | null>(null);
  const uploading = useIsMutating({ mutationKey: trpc.whiteLabel.uploadLogo.mutationKey() }) > 0;
  // What the last save answered, until the next edit: whether it shows, and the API's warnings.
  const [saved, setSaved] = useState<{ active: boolean; warnings: BrandingWarning[] } | null>(null);
  const form = useSchemaForm(BrandingInput);
  const save = useMutation(
    trpc.whiteLabel.setBranding.mutationOptions({
      onSuccess: async (result) => {
        setSaved({ active: result.active, warnings: result.saved?.warnings ?? [] });
        await refresh();
      },
      onError: form.showServerErrors,
    }),
  );
  const preview: BrandColours = {
    primaryColor: hexOrNull(values.primaryColor) ?? branding.effective.primaryColor,
    secondaryColor: hexOrNull(values.secondaryColor) ?? branding.effective.secondaryColor,
    accentColor: hexOrNull(values.accentColor) ?? branding.effective.accentColor,
  };
  const liveWarnings = brandingWarnings(preview);
  const errors = currentErrors(form.errors, checked, fieldsOf(values));
  const edit = (change: Partial<BrandingValues>) => {
    setSaved(null);
    save.reset();
    // From the latest values: an upload's answer arrives after other edits may have been made.
    setValues((current) => ({ ...current, ...change }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    save.reset();
    const fields = fieldsOf(values);
    setChecked(fields);
    const input = form.parse(fields);
    if (input) save.mutate(input);
  };
  const disabled = !branding.gate.allowed;
  return (
    <form onSubmit={submit} noValidate aria-label="Branding" className="space-y-6">
      <Card title="Branding">
        <fieldset disabled={disabled} className="space-y-5">
          <Field
            label="Company name"
            name="companyName"
            value={values.companyName}
            onChange={(companyName) => edit({ companyName })}
            error={errors.companyName}
            hint="Shown in the portal's header and on its sign-in page."
            required
          />
          <LogoPicker logo={values.logo} onChange={(logo) => edit({ logo })} errors={errors} />
          <div className="grid gap-4 md:grid-cols-3">
            {COLOUR_FIELDS.map((field) => (
              <ColourField
                key={field.key}
                label={field.label}
                name={field.key}
                hint={field.hint}
                value={values[field.key]}
                onChange={(value) => edit({ [field.key]: value })}
                error={errors[field.key]}
              />
            ))}
          </div>
          <div aria-live="polite">
            {!saved && <ContrastWarnings warnings={liveWarnings} title="Low contrast" />}
          </div>
        </fieldset>
      </Card>
      <Card title="Preview">
        <BrandingPreview
          colours={preview}
          companyName={values.companyName}
          logoSrc={logoPreviewSrc(values.logo)}
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
