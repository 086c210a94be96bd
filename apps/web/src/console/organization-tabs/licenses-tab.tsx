import { keepPreviousData } from "@tanstack/react-query";
import { TIER_LABELS } from "@tessera/domain";
import { Alert, Card } from "@tessera/ui";
import { Link } from "react-router";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { DayText } from "../../components/dates/date-text.tsx";
import { LicenseStatusBadge } from "../../components/license-badges.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { trpc } from "../../trpc.ts";
import { LICENSE_COLUMNS } from "../licenses-table.tsx";

const LINK = "text-sm text-indigo-700 dark:text-indigo-300 hover:underline";

/** The license in force (or a way to create one), then every license the organisation had. */
export const LicensesTab = ({ organizationId, isAdmin }: { organizationId: string; isAdmin: boolean }) => {
  const license = trpc.licenses.byOrganization.useQuery({ organizationId });
  const all = trpc.licenses.list.useQuery(
    {
      organizationId,
      page: 1,
      pageSize: 50,
      sort: "createdAt",
      direction: "desc",
    },
    { placeholderData: keepPreviousData },
  );
  return (
    <>
      <Card
        title="License"
        actions={
          <Link className={LINK} to={`/console/licenses?organizationId=${organizationId}`}>
            All licenses
          </Link>
        }
      >
        <QueryState query={license}>
          {({ current }) =>
            current ? (
              <p className="text-sm">
                <Link
                  to={`/console/licenses/${current.id}`}
                  className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
                >
                  {TIER_LABELS[current.tier]}
                </Link>{" "}
                <LicenseStatusBadge status={current.status} /> · expires <DayText value={current.expiresAt} />{" "}
                · key {current.keyHint}
              </p>
            ) : (
              <Alert tone="info">
                No license yet.{" "}
                {isAdmin && (
                  <Link className="underline" to={`/console/licenses?create=${organizationId}`}>
                    Create one
                  </Link>
                )}
              </Alert>
            )
          }
        </QueryState>
      </Card>
      <Card title="License history">
        <QueryState query={all}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="text-sm text-fg-muted">No licenses.</p>
            ) : (
              <DataTable
                id="organization-licenses"
                caption="Every license of the organisation, newest first"
                columns={LICENSE_COLUMNS}
                data={data.items}
                getRowId={(row) => row.id}
              />
            )
          }
        </QueryState>
      </Card>
    </>
  );
};
