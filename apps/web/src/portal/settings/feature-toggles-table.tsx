import { Button } from "@tessera/ui";
import { useState } from "react";
import { columnHelper } from "../../components/data-table/features.ts";
import { PageSortedTable } from "../../components/data-table/page-sorted-table.tsx";
import { InstantText } from "../../components/dates/date-text.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { trpc } from "../../trpc.ts";
import { type Gate, useRefreshWhiteLabel, type WhiteLabelConfig } from "./white-label-data.ts";

export type FeatureToggle = WhiteLabelConfig["featureToggles"][number];

const TOGGLE_SORTS = ["key", "updatedAt"] as const;

/** What the cells read besides their row (`table.options.meta`). */
interface TogglesMeta {
  gate: Gate;
  onDelete: (toggle: FeatureToggle) => void;
}

/** A toggle's switch; each holds its own change request. */
const ToggleSwitch = ({ toggle, gate }: { toggle: FeatureToggle; gate: Gate }) => {
  const refresh = useRefreshWhiteLabel();
  const set = trpc.whiteLabel.setFeatureToggle.useMutation({ onSuccess: refresh });
  // Set in the change handler itself, so the controlled box shows the new state at once (the
  // mutation's own state arrives a render later); cleared once the refreshed list is in.
  const [requested, setRequested] = useState<boolean | null>(null);
  const enabled = requested ?? toggle.enabled;
  return (
    <>
      <input
        type="checkbox"
        role="switch"
        aria-label={`${toggle.key} enabled`}
        checked={enabled}
        aria-checked={enabled}
        disabled={!gate.allowed || set.isPending}
        aria-busy={set.isPending || undefined}
        onChange={(event) => {
          setRequested(event.target.checked);
          set.mutate(
            {
              key: toggle.key,
              enabled: event.target.checked,
              ...(toggle.description ? { description: toggle.description } : {}),
            },
            { onSettled: () => setRequested(null) },
          );
        }}
        className="size-4"
      />
      {set.error ? <ErrorAlert error={set.error} title="Not changed" /> : null}
    </>
  );
};

const column = columnHelper<FeatureToggle>();

const COLUMNS = [
  column.accessor("key", {
    header: "Key",
    enableHiding: false,
    cell: ({ getValue }) => <span className="font-mono text-fg">{getValue()}</span>,
  }),
  column.accessor("description", {
    header: "Description",
    enableSorting: false,
    cell: ({ getValue }) => getValue() ?? "—",
  }),
  column.accessor("enabled", {
    header: "Enabled",
    enableSorting: false,
    enableHiding: false,
    cell: ({ row, table }) => (
      <ToggleSwitch toggle={row.original} gate={(table.options.meta as TogglesMeta).gate} />
    ),
  }),
  column.accessor("updatedAt", {
    header: "Updated",
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        <InstantText value={getValue()} />
      </span>
    ),
  }),
  column.display({
    id: "actions",
    header: "Actions",
    enableHiding: false,
    cell: ({ row: { original: toggle }, table }) => (
      <Button
        variant="secondary"
        aria-label={`Delete ${toggle.key}`}
        onClick={() => (table.options.meta as TogglesMeta).onDelete(toggle)}
      >
        Delete
      </Button>
    ),
  }),
];

/** The organisation's feature toggles, by key until a header is pressed (the API returns them all). */
export const FeatureTogglesTable = ({ toggles, ...meta }: { toggles: FeatureToggle[] } & TogglesMeta) => {
  return (
    <PageSortedTable
      id="feature-toggles"
      caption="Feature toggles"
      columns={COLUMNS}
      rows={toggles}
      sorts={TOGGLE_SORTS}
      sort="key"
      direction={(sort) => (sort === "key" ? "asc" : "desc")}
      values={{ key: (toggle) => toggle.key, updatedAt: (toggle) => toggle.updatedAt }}
      getRowId={(toggle) => toggle.id}
      meta={meta}
    />
  );
};
