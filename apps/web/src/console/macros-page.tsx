import type { AppRouter } from "@tessera/api";
import { Button, Card, ConfirmDialog } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Link } from "react-router";
import { useRole } from "../auth/session.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { PRIORITY_LABELS, STATUS_LABELS } from "../components/ticket-parts.tsx";
import { trpc } from "../trpc.ts";
import { MacroForm } from "./macro-form.tsx";

type Macro = inferRouterOutputs<AppRouter>["macros"]["list"][number];

/** What applying the macro does besides replying, in words. */
export const macroEffects = (macro: Pick<Macro, "setStatus" | "setPriority">) =>
  [
    macro.setStatus && `status → ${STATUS_LABELS[macro.setStatus]}`,
    macro.setPriority && `priority → ${PRIORITY_LABELS[macro.setPriority]}`,
  ]
    .filter(Boolean)
    .join(", ") || "reply only";

const useMacroChanges = () => {
  const utils = trpc.useUtils();
  const refresh = () => utils.macros.list.invalidate();
  return {
    create: trpc.macros.create.useMutation({ onSuccess: refresh }),
    update: trpc.macros.update.useMutation({ onSuccess: refresh }),
    archive: trpc.macros.archive.useMutation({ onSuccess: refresh }),
  };
};

/** One macro: its reply as agents will see it filled in, and (for leads) edit and archive. */
const MacroItem = ({
  macro,
  canEdit,
  changes,
  onArchive,
}: {
  macro: Macro;
  canEdit: boolean;
  changes: ReturnType<typeof useMacroChanges>;
  onArchive: () => void;
}) => {
  const [editing, setEditing] = useState(false);
  return (
    <li className="py-4">
      {editing ? (
        <MacroForm
          initial={macro}
          submitLabel={`Save ${macro.title}`}
          pending={changes.update.isPending}
          error={changes.update.error}
          onSubmit={async (values) => {
            await changes.update.mutateAsync({ macroId: macro.id, ...values });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 flex-1">
            <h3 className="font-medium text-fg">{macro.title}</h3>
            <p className="text-xs text-fg-muted">{macroEffects(macro)}</p>
            <p className="mt-2 whitespace-pre-wrap text-sm text-fg-muted">{macro.body}</p>
          </div>
          {canEdit && (
            <div className="flex gap-2">
              <Button variant="secondary" aria-label={`Edit ${macro.title}`} onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button variant="ghost" aria-label={`Archive ${macro.title}`} onClick={onArchive}>
                Archive
              </Button>
            </div>
          )}
        </div>
      )}
    </li>
  );
};

/** Support → Macros: canned replies agents apply in one click; support leads (staff admins) write them. */
export const MacrosPage = () => {
  const canEdit = useRole() === "ADMIN";
  const macros = trpc.macros.list.useQuery({});
  const changes = useMacroChanges();
  const [archiving, setArchiving] = useState<Macro | null>(null);
  return (
    <>
      <Link to="/console/support" className="text-sm text-indigo-700 dark:text-indigo-300 hover:underline">
        ← Support queue
      </Link>
      <PageHeader
        title="Macros"
        description="Canned replies: one click posts the reply, filled in for the ticket, and sets its status and priority."
      />
      <div className="space-y-6">
        {canEdit && (
          <Card title="New macro">
            <MacroForm
              submitLabel="Create macro"
              pending={changes.create.isPending}
              error={changes.create.error}
              onSubmit={(values) => changes.create.mutateAsync(values)}
            />
          </Card>
        )}
        <Card title="Macros">
          <QueryState query={macros}>
            {(data) =>
              data.length === 0 ? (
                <p className="text-sm text-fg-muted">
                  No macros yet.{canEdit ? "" : " Support leads (staff admins) write them."}
                </p>
              ) : (
                <ul className="divide-y divide-line">
                  {data.map((macro) => (
                    <MacroItem
                      key={macro.id}
                      macro={macro}
                      canEdit={canEdit}
                      changes={changes}
                      onArchive={() => {
                        changes.archive.reset();
                        setArchiving(macro);
                      }}
                    />
                  ))}
                </ul>
              )
            }
          </QueryState>
        </Card>
      </div>
      <ConfirmDialog
        open={archiving !== null}
        title={`Archive ${archiving?.title ?? ""}?`}
        confirmLabel="Archive macro"
        cancelLabel="Keep macro"
        busy={changes.archive.isPending}
        busyLabel="Archiving…"
        onCancel={() => setArchiving(null)}
        onConfirm={() =>
          archiving &&
          changes.archive.mutate({ macroId: archiving.id }, { onSuccess: () => setArchiving(null) })
        }
      >
        <p>Agents will no longer see it. Replies it already wrote stay as they are.</p>
        <ErrorAlert error={changes.archive.error} title="Not archived" />
      </ConfirmDialog>
    </>
  );
};
