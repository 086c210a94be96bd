import { onlineManager, useMutationState } from "@tanstack/react-query";
import { countOf } from "@tessera/domain";
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);
const isOnline = () => onlineManager.isOnline();

const bannerText = (online: boolean, waiting: number) => {
  const queued = `${countOf(waiting, "change")} waiting to send`;
  if (online) return waiting > 0 ? `${queued}.` : null;
  return waiting > 0
    ? `You are offline — ${queued}; they go out when you are back online.`
    : "You are offline — changes will be sent when you are back online.";
};

/**
 * Whether the browser is offline, and the changes waiting for it. TanStack Query's
 * networkMode "online" (the default, kept on purpose) pauses a mutation made offline and
 * sends it on reconnect, so the banner's promise holds; it counts those paused mutations.
 */
export const OfflineBanner = () => {
  const online = useSyncExternalStore(subscribe, isOnline);
  const waiting = useMutationState({
    filters: { status: "pending", predicate: (mutation) => mutation.state.isPaused },
  }).length;
  const text = bannerText(online, waiting);
  // The live region stays mounted, so going offline is announced when its text appears.
  return (
    <div role="status" className="mx-auto max-w-7xl px-6 empty:hidden" data-testid="offline-banner">
      {text && (
        <p className="mt-4 rounded-md border border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-4 py-3 text-sm text-amber-900 dark:text-amber-200">
          {text}
        </p>
      )}
    </div>
  );
};
