import { CUSTOMIZATION_TYPES, type CustomizationType } from "@tessera/domain";
import { Badge, Button, ConfirmDialog } from "@tessera/ui";
import { type ReactNode, useState } from "react";
import { ErrorAlert } from "../components/error-alert.tsx";
import { trpc } from "../trpc.ts";
import type { OrganizationConfig } from "./white-label-config.ts";

const TYPE_LABEL: Record<CustomizationType, string> = {
  BRANDING: "Branding",
  DOMAIN: "Custom domain",
  SSO: "Single sign-on",
  API: "API access",
  FEATURE: "Feature toggles",
  INTEGRATION: "Integrations",
};

/** Staff admins remove one record, after confirming (e.g. an SSO setup that locks the customer out). */
export const DeleteRecord = ({
  organizationId,
  customizationId,
  what,
}: {
  organizationId: string;
  customizationId: string;
  what: string;
}) => {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const remove = trpc.whiteLabel.deleteOrganizationCustomization.useMutation({
    onSuccess: async () => {
      setOpen(false);
      await Promise.all([
        utils.whiteLabel.organizationConfig.invalidate({ organizationId }),
        utils.audit.invalidate(),
      ]);
    },
  });
  return (
    <>
      <Button variant="secondary" aria-label={`Delete ${what}`} onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${what}?`}
        confirmLabel={`Delete ${what}`}
        cancelLabel={`Keep ${what}`}
        busy={remove.isPending}
        busyLabel="Deleting…"
        onCancel={() => {
          setOpen(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ organizationId, customizationId })}
      >
        <p>The customer's setting is removed at once and the change is audited. They can set it up again.</p>
        <ErrorAlert error={remove.error} title="Not deleted" />
      </ConfirmDialog>
    </>
  );
};

/** One kind of record: its title, a delete button for staff admins, and what it holds. */
export const Section = ({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) => (
  <section aria-label={title} className="border-t border-line pt-4">
    <div className="mb-3 flex items-center justify-between gap-4">
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      {action}
    </div>
    {children}
  </section>
);

export const Swatch = ({ label, colour }: { label: string; colour: string }) => (
  <span className="flex items-center gap-2">
    <span
      aria-hidden
      className="size-6 rounded border border-line-strong"
      style={{ backgroundColor: colour }}
    />
    <span>
      {label} <span className="font-mono">{colour}</span>
    </span>
  </span>
);

export const Gates = ({ config }: { config: OrganizationConfig }) => (
  <ul className="flex flex-wrap gap-2">
    {CUSTOMIZATION_TYPES.map((type) => {
      const gate = config.gates[type];
      return (
        <li key={type}>
          <Badge tone={gate.allowed ? "green" : "slate"}>
            {TYPE_LABEL[type]}: {gate.allowed ? "included" : `needs ${gate.requiredTier}`}
          </Badge>
        </li>
      );
    })}
  </ul>
);
