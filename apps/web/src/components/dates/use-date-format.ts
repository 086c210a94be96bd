import { defaultDateFormat } from "@tessera/domain";
import { useMemo } from "react";
import { useMe } from "../../auth/session.tsx";
import { trpc } from "../../trpc.ts";
import { type DateFormatter, type DateSettings, dateFormatter } from "./date-format.ts";

/** What this browser would pick: its own zone and its locale's order of day, month and year. */
export const browserDateSettings = (): DateSettings => ({
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  dateFormat: defaultDateFormat(navigator.language),
});

/** The signed-in person's saved choices (none while signed out or loading). */
export const useDatePreferences = () => {
  const signedIn = Boolean(useMe().data);
  return trpc.datePreferences.get.useQuery(undefined, { enabled: signedIn, staleTime: 300_000 });
};

/** The one way to write dates: the person's saved zone and format, the browser's where they chose none. */
export const useDateFormat = (): DateFormatter => {
  const saved = useDatePreferences().data;
  const browser = browserDateSettings();
  const timeZone = saved?.timeZone ?? browser.timeZone;
  const dateFormat = saved?.dateFormat ?? browser.dateFormat;
  return useMemo(() => dateFormatter({ timeZone, dateFormat }), [timeZone, dateFormat]);
};
