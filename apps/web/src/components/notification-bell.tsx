import { keepPreviousData, type UseMutationResult } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { BellIcon, Button, cx } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Link } from "react-router";
import { trpc } from "../trpc.ts";
import { InstantText } from "./dates/date-text.tsx";
import { Popover } from "./deferred-overlays.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Pagination } from "./pagination.tsx";
import { QueryState } from "./query-state.tsx";

const PAGE_SIZE = 10;

type Notice = inferRouterOutputs<AppRouter>["support"]["notifications"]["items"][number];
type MarkRead = UseMutationResult<unknown, unknown, { notificationId: string }>;

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
    <div className="min-w-0 break-words">
      {notice.link ? (
        <Link
          to={notice.link}
          className={cx("text-brand-ink hover:underline", !notice.readAt && "font-semibold")}
          onClick={onFollow}
        >
          {notice.title}
        </Link>
      ) : (
        <span className={cx(!notice.readAt && "font-semibold")}>{notice.title}</span>
      )}
      <div className="text-xs text-fg-muted">
        <InstantText value={notice.createdAt} />
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

/** The list and the page it shows, or the plain word that there is nothing. */
const NoticeList = ({
  list,
  markRead,
  onFollow,
  onPage,
}: {
  list: ReturnType<typeof useNotices>["list"];
  markRead: MarkRead;
  onFollow: () => void;
  onPage: (page: number) => void;
}) => (
  <QueryState query={list}>
    {(data) =>
      data.items.length === 0 ? (
        <p className="text-sm text-fg-muted">No notifications.</p>
      ) : (
        <>
          <ul className="max-h-96 divide-y divide-line overflow-y-auto">
            {data.items.map((notice) => (
              <NoticeItem key={notice.id} notice={notice} markRead={markRead} onFollow={onFollow} />
            ))}
          </ul>
          {data.pageCount > 1 && (
            <Pagination
              page={data.page}
              pageCount={data.pageCount}
              total={data.total}
              onPage={onPage}
              noun="notification"
            />
          )}
        </>
      )
    }
  </QueryState>
);

/** The signed-in staff user's notices, polled, and the two ways to mark them read. */
const useNotices = (page: number) => {
  const utils = trpc.useUtils();
  const list = trpc.support.notifications.useQuery(
    { page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData, refetchInterval: 30_000 },
  );
  const refresh = {
    onSuccess: () => utils.support.notifications.invalidate(),
  };
  const markRead = trpc.support.markNotificationRead.useMutation(refresh);
  const markAll = trpc.support.markAllNotificationsRead.useMutation(refresh);
  return { list, markRead, markAll };
};

/**
 * The header's bell for staff (their notices: CRITICAL tickets and the like): the unread
 * count on the button, and a panel with the recent notices, each a link, and "Mark all read".
 */
export const NotificationBell = () => {
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const { list, markRead, markAll } = useNotices(page);
  const unread = list.data?.unread ?? 0;
  const trigger = (
    <Button variant="secondary" className="px-2.5" aria-label={`Notifications, ${unread} unread`}>
      <BellIcon />
      <span
        aria-hidden
        className={cx(
          "rounded-full px-1.5 text-xs font-semibold",
          unread ? "bg-red-700 text-white" : "bg-line text-fg-muted",
        )}
      >
        {unread}
      </span>
    </Button>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger={trigger} title="Notifications">
      <ErrorAlert error={markRead.error ?? markAll.error} title="Not marked read" />
      {unread > 0 && (
        <Button
          variant="secondary"
          className="mb-2 px-2 py-1 text-xs"
          busy={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          Mark all read
        </Button>
      )}
      <NoticeList list={list} markRead={markRead} onFollow={() => setOpen(false)} onPage={setPage} />
    </Popover>
  );
};
