import { Alert, Button } from "@tessera/ui";
import { useId, useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { trpc } from "../trpc.ts";
import { macroEffects } from "./macros-page.tsx";

/**
 * "Apply macro": the macros as a menu of buttons, each posting its reply (and status and
 * priority) in one click. The ticket's version goes along, so a double click posts once.
 */
export const ApplyMacroMenu = ({ ticketId, version }: { ticketId: string; version: number }) => {
  const utils = trpc.useUtils();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const macros = trpc.macros.list.useQuery({}, { enabled: open });
  const apply = trpc.macros.applyToTicket.useMutation({
    onMutate: () => setNotice(null),
    onSuccess: async (_ticket, input) => {
      const title = macros.data?.find((macro) => macro.id === input.macroId)?.title ?? "The macro";
      setOpen(false);
      setNotice(`${title} applied.`);
      await Promise.all([
        utils.support.get.invalidate({ ticketId }),
        utils.support.queue.invalidate(),
        utils.support.stats.invalidate(),
      ]);
    },
  });
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          apply.reset();
          setOpen(!open);
        }}
      >
        Apply macro
      </Button>
      {open && (
        <div id={menuId} className="rounded-md border border-line p-2">
          {macros.isPending ? (
            <p role="status" className="p-2 text-sm text-fg-muted">
              Loading macros…
            </p>
          ) : !macros.data?.length ? (
            <p className="p-2 text-sm text-fg-muted">
              No macros yet. <Link to="/console/support/macros">Macros</Link> are written by support leads.
            </p>
          ) : (
            <ul aria-label="Macros" className="space-y-1">
              {macros.data.map((macro) => (
                <li key={macro.id}>
                  <button
                    type="button"
                    disabled={apply.isPending}
                    onClick={() => apply.mutate({ macroId: macro.id, ticketId, version })}
                    className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-surface-muted disabled:opacity-60"
                  >
                    <span className="block font-medium text-fg">{macro.title}</span>
                    <span className="block text-xs text-fg-muted">{macroEffects(macro)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div aria-live="polite" className="space-y-2">
        <ErrorAlert error={apply.error} title="The macro was not applied" />
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>
    </div>
  );
};
