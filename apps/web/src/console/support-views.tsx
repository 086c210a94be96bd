import type { TicketView } from "@tessera/domain";
import { Link } from "react-router";
import { cx } from "../components/class-names.ts";

export const VIEW_LABELS: Record<TicketView, string> = {
  MINE: "Assigned to me",
  UNASSIGNED: "Unassigned",
  BREACHING: "Breaching soon",
  WAITING: "Waiting on customer",
  ALL_OPEN: "All open",
};

/** Where Support opens: agents on their own tickets, everyone else on every open ticket. */
export const landingView = (role: string | undefined): TicketView =>
  role === "SUPPORT" ? "MINE" : "ALL_OPEN";

/**
 * The standing views as links: each is an address (`?view=MINE`), so a view can be shared,
 * and choosing one starts from its own tickets, without the filters of the last.
 */
export const SupportViews = ({ current, onChoose }: { current: string; onChoose: () => void }) => (
  <nav aria-label="Views" className="mb-4 flex flex-wrap gap-2">
    {(Object.keys(VIEW_LABELS) as TicketView[]).map((view) => (
      <Link
        key={view}
        to={`?view=${view}`}
        onClick={onChoose}
        aria-current={current === view ? "page" : undefined}
        className={cx(
          "rounded-full border px-3 py-1 text-sm",
          current === view
            ? "border-indigo-700 bg-indigo-700 text-white dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-900"
            : "border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800",
        )}
      >
        {VIEW_LABELS[view]}
      </Link>
    ))}
  </nav>
);
