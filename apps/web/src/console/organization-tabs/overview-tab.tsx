import { Button, Card } from "@tessera/ui";
import { useState } from "react";
import { DayText } from "../../components/dates/date-text.tsx";
import { ContactDetails, Detail } from "../../components/organization-fields.tsx";
import { EditOrganization, type Organization } from "./edit-organization.tsx";

/** The organisation's details, editable by admins in place. */
export const OverviewTab = ({
  organization: org,
  isAdmin,
}: {
  organization: Organization;
  isAdmin: boolean;
}) => {
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Details"
      actions={
        isAdmin &&
        !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )
      }
    >
      {editing ? (
        <EditOrganization organization={org} onDone={() => setEditing(false)} />
      ) : (
        <dl className="grid gap-4 md:grid-cols-3">
          <ContactDetails organization={org} />
          <Detail label="Account manager">
            {org.accountManager ? `${org.accountManager.name} (${org.accountManager.email})` : "—"}
          </Detail>
          <Detail label="Metadata">
            <pre className="whitespace-pre-wrap break-all rounded bg-surface-muted p-2 text-xs">
              {JSON.stringify(org.metadata, null, 2)}
            </pre>
          </Detail>
          <Detail label="Created">
            <DayText value={org.createdAt} />
          </Detail>
        </dl>
      )}
    </Card>
  );
};
