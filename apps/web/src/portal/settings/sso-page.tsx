import { Alert, Badge, Button, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { trpc } from "../../trpc.ts";
import { SsoDomainsPanel } from "./sso-domains-panel.tsx";
import { SsoForm } from "./sso-form.tsx";
import { SsoTestPanel } from "./sso-test-panel.tsx";
import type { SsoSettings } from "./sso-values.ts";
import { GateNotice } from "./tier-gate.tsx";
import { useRefreshWhiteLabel, useWhiteLabelConfig } from "./white-label-data.ts";

const RemoveSso = ({ saved }: { saved: SsoSettings }) => {
  const refresh = useRefreshWhiteLabel();
  const [open, setOpen] = useState(false);
  const remove = trpc.whiteLabel.deleteCustomization.useMutation({
    onSuccess: async () => {
      setOpen(false);
      await refresh();
    },
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Remove single sign-on
      </Button>
      <ConfirmDialog
        open={open}
        title="Remove single sign-on?"
        confirmLabel="Remove single sign-on"
        cancelLabel="Keep single sign-on"
        busy={remove.isPending}
        busyLabel="Removing…"
        onCancel={() => {
          setOpen(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ customizationId: saved.id })}
      >
        <p>Your people sign in with their passwords again; the stored client secret is deleted.</p>
        <ErrorAlert error={remove.error} title="Single sign-on not removed" />
      </ConfirmDialog>
    </>
  );
};

/** How the organisation's people sign in through their own identity provider. */
export const SsoSettingsPage = () => {
  const dates = useDateFormat();
  const config = useWhiteLabelConfig();
  const sso = trpc.whiteLabel.sso.useQuery();
  // Kept here, not in the form: the form starts afresh from each saved version.
  const [justSaved, setJustSaved] = useState(false);
  return (
    <QueryState query={config}>
      {({ gates, domain }) => (
        <>
          <GateNotice gate={gates.SSO} what="Single sign-on" />
          <QueryState query={sso}>
            {(saved) => (
              <Card
                title="Single sign-on"
                actions={
                  saved ? (
                    <div className="flex items-center gap-2">
                      <Badge tone="green">{saved.protocol} set up</Badge>
                      {saved.enforced && <Badge tone="amber">Enforced</Badge>}
                    </div>
                  ) : (
                    <Badge>Not set up</Badge>
                  )
                }
              >
                {saved && (
                  <p className="mb-4 text-sm text-fg-muted">Last changed {dates.instant(saved.updatedAt)}.</p>
                )}
                <SsoForm
                  key={saved ? `${saved.id}-${saved.version}` : "new"}
                  saved={saved}
                  gate={gates.SSO}
                  customDomain={domain?.status === "VERIFIED" ? domain.hostname : null}
                  onSaved={setJustSaved}
                />
                <div aria-live="polite" className="mt-4">
                  {justSaved && <Alert tone="success">Single sign-on saved.</Alert>}
                </div>
                {saved && (
                  <div className="mt-4 border-t border-line pt-4">
                    <SsoTestPanel disabled={!gates.SSO.allowed} />
                  </div>
                )}
                {saved && (
                  <div className="mt-4 border-t border-line pt-4">
                    <RemoveSso saved={saved} />
                  </div>
                )}
              </Card>
            )}
          </QueryState>
          <SsoDomainsPanel gate={gates.SSO} allowedDomains={sso.data?.allowedDomains ?? []} />
        </>
      )}
    </QueryState>
  );
};
