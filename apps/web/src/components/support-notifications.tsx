import {
  keepPreviousData,
  type UseMutationResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { useId, useState } from "react";
import { Link } from "react-router";
import { useTRPC } from "../trpc.ts";
import { Button } from "./button.tsx";
import { cx } from "./class-names.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { formatDate } from "./format-date.ts";
import { Pagination } from "./pagination.tsx";
import { QueryState } from "./query-state.tsx";

const PAGE_SIZE = 10;

type Notice = inferRouterOutputs<AppRouter>["support"]["notifications"]["items"][number];
type MarkRead = UseMutationResult<unknown, unknown, { notificationId: string }>;

/** The bell with the unread count; it opens and closes the panel. */
const BellButton = ({
  open,
  panelId,
  unread,
  onToggle,
}: {
  open: boolean;
  panelId: string;
  unread: number;
  onToggle: () => void;
}) => (
  <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
    <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
      <path d="M10 2a6 6 0 0 0-6 6v3.6l-1.3 2.6A1 1 0 0 0 3.6 16h12.8a1 1 0 0 0 .9-1.8L16 11.6V8a6 6 0 0 0-6-6Zm0 18a3 3 0 0 1-2.8-2h5.6A3 3 0 0 1 10 20Z" />
    </svg>
    Notifications
    <span
      className={cx(
        "rounded-full px-1.5 text-xs font-semibold",
        unread
          ? "bg-red-700 text-white"
          : "bg-slate-200 dark:bg-slate-700 text-slate-700 dark:text-slate-300",
      )}
    >
      {unread}
      <span className="sr-only"> unread</span>
    </span>
  </Button>
);

/** One notice: its link (bold while unread), when it came, and a way to mark it read. */
const NoticeItem = ({
  notice,
  markRead,
  onFollow,
}: {
  notice: Notice;
  markRead: MarkRead;
  onFollow: () => void;
}) => (
  <li className="flex items-start justify-between gap-3 py-2 text-sm">
    <div className="min-w-0">
      {notice.link ? (
        <Link
          to={notice.link}
          className={cx(
            "text-indigo-700 dark:text-indigo-300 hover:underline",
            !notice.readAt && "font-semibold",
          )}
          onClick={onFollow}
        >
          {notice.title}
        </Link>
      ) : (
        <span className={cx(!notice.readAt && "font-semibold")}>{notice.title}</span>
      )}
      <div className="text-xs text-slate-600 dark:text-slate-300">
        {formatDate(notice.createdAt)}
        {notice.readAt ? " · read" : " · unread"}
      </div>
    </div>
    {!notice.readAt && (
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs"
        busy={markRead.isPending && markRead.variables?.notificationId === notice.id}
        disabled={markRead.isPending}
        onClick={() => markRead.mutate({ notificationId: notice.id })}
        aria-label={`Mark read: ${notice.title}`}
      >
        Mark read
      </Button>
    )}
  </li>
);

/** The signed-in staff user's notices (CRITICAL tickets): unread count, list, mark read. */
export const SupportNotifications = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const panelId = useId();
  const list = useQuery({
    ...trpc.support.notifications.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const markRead = useMutation(
    trpc.support.markNotificationRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.support.notifications.pathKey() }),
    }),
  );
  const unread = list.data?.unread ?? 0;
  return (
    <div className="relative">
      <BellButton open={open} panelId={panelId} unread={unread} onToggle={() => setOpen(!open)} />
      {open && (
        <section
          id={panelId}
          aria-label="Notifications"
          className="absolute right-0 z-10 mt-2 w-96 max-w-[90vw] rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-lg"
        >
          <ErrorAlert error={markRead.error} title="Not marked read" />
          <QueryState query={list}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-300">No notifications.</p>
              ) : (
                <>
                  <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                    {data.items.map((notice) => (
                      <NoticeItem
                        key={notice.id}
                        notice={notice}
                        markRead={markRead}
                        onFollow={() => setOpen(false)}
                      />
                    ))}
                  </ul>
                  {data.pageCount > 1 && (
                    <Pagination
                      page={data.page}
                      pageCount={data.pageCount}
                      total={data.total}
                      onPage={setPage}
                      noun="notification"
                    />
                  )}
                </>
              )
            }
          </QueryState>
        </section>
      )}
    </div>
  );
};
