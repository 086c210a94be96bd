import type { TicketView } from "@tessera/domain";
import { cx } from "@tessera/ui";
import { Link } from "react-router";

export const VIEW_LABELS: Record<TicketView, string> = {
  MINE: "Assigned to me",
  UNASSIGNED: "Unassigned",
  BREACHING: "Breaching soon",
  WAITING: "Waiting on customer",
  ALL_OPEN: "All open",
};

/**
 * The standing views as links: each is an address (`?view=MINE`), so a view can be shared,
 * and choosing one starts from its own tickets, without the filters of the last.
 */
export const SupportViews = ({ current }: { current: string }) => (
  <nav aria-label="Views" className="mb-4 flex flex-wrap gap-2">
    {(Object.keys(VIEW_LABELS) as TicketView[]).map((view) => (
      <Link
        key={view}
        to={`?view=${view}`}
        aria-current={current === view ? "page" : undefined}
        className={cx(
          "rounded-full border px-3 py-1 text-sm",
          current === view
            ? "border-indigo-700 bg-indigo-700 text-white dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-900"
            : "border-line-strong text-fg hover:bg-surface-muted",
        )}
      >
        {VIEW_LABELS[view]}
      </Link>
    ))}
  </nav>
);
