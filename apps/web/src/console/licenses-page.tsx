import { Button, Card } from "@tessera/ui";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { KeyReveal } from "../components/key-reveal.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { CreateLicense } from "./create-license-form.tsx";
import { LicenseList } from "./license-list.tsx";

/** Open (with an organisation chosen, or "") or close the create form, keeping the filters. */
const withCreate = (value: string | null) => (current: URLSearchParams) => {
  const next = new URLSearchParams(current);
  if (value === null) next.delete("create");
  else next.set("create", value);
  return next;
};

/** The new license's key, shown once, with a way to the license. */
const NewLicenseKey = ({
  revealed,
  onDismiss,
}: {
  revealed: { key: string; id: string };
  onDismiss: () => void;
}) => (
  <div className="mb-6">
    <KeyReveal label="New license key" value={revealed.key} onDismiss={onDismiss} />
    <p className="mt-2 text-sm">
      <Link
        className="text-indigo-700 dark:text-indigo-300 underline"
        to={`/console/licenses/${revealed.id}`}
      >
        Open the license
      </Link>
    </p>
  </div>
);

export const LicensesPage = () => {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [revealed, setRevealed] = useState<{ key: string; id: string } | null>(null);
  const creating = params.get("create");
  return (
    <>
      <PageHeader
        title="License management"
        description="Every license, by tier, status and expiry."
        actions={
          me.data?.role === "ADMIN" &&
          !creating && <Button onClick={() => setParams(withCreate(""))}>New license</Button>
        }
      />
      {revealed && <NewLicenseKey revealed={revealed} onDismiss={() => setRevealed(null)} />}
      {creating !== null && (
        <div className="mb-6">
          <Card
            title="New license"
            actions={
              <Button variant="secondary" onClick={() => setParams(withCreate(null))}>
                Close
              </Button>
            }
          >
            <CreateLicense
              organizationId={creating}
              onCreated={(key, id) => {
                setRevealed({ key, id });
                setParams(withCreate(null));
              }}
            />
          </Card>
        </div>
      )}
      <Card>
        <LicenseList />
      </Card>
    </>
  );
};
