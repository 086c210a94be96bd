import { USAGE_PERIOD_PRESETS, usagePeriodRange } from "@tessera/domain";
import { NativeSelect } from "@tessera/ui";
import { useSearchParams } from "react-router";
import type { DateFormatter } from "./dates/date-format.ts";
import { useDateFormat } from "./dates/use-date-format.ts";

import { type DayRange, DayRangeFields, useDayRange } from "./usage-range.tsx";

const CUSTOM = "custom";
const DEFAULT_PERIOD = "last-30";

/**
 * The portal's report period in the URL, so a reload or a shared link keeps it: `?period=`
 * a preset (`last-7` …) or a month (`2026-03`), or `custom` with `?from=…&to=…` (UTC days;
 * from/to alone also mean custom). Last 30 days by default. `range` is null while invalid.
 */
export const useUsagePeriod = () => {
  const [params, setParams] = useSearchParams();
  const custom = useDayRange(30, { notAfterToday: true });
  const period = params.get("period") ?? (params.has("from") || params.has("to") ? CUSTOM : DEFAULT_PERIOD);
  const named = period === CUSTOM ? null : usagePeriodRange(period, new Date());
  const range: DayRange | null = period === CUSTOM ? custom.range : named;
  const choose = (next: string) =>
    setParams(
      (current) => {
        const params = new URLSearchParams(current);
        params.set("period", next);
        // Custom starts from the days on screen; any other period needs no days in the URL.
        const shown = range ?? named;
        if (next === CUSTOM && shown) {
          params.set("from", shown.from);
          params.set("to", shown.to);
        } else if (next !== CUSTOM) {
          params.delete("from");
          params.delete("to");
        }
        return params;
      },
      { replace: true },
    );
  return { period, range, custom, choose, invalid: period !== CUSTOM && named === null };
};

type UsagePeriod = ReturnType<typeof useUsagePeriod>;

/** What the period is called on screen: "Last 30 days", "March 2026", or its days. */
export const usagePeriodLabel = (
  { period, range }: Pick<UsagePeriod, "period" | "range">,
  dates: DateFormatter,
) => {
  if (period in USAGE_PERIOD_PRESETS)
    return USAGE_PERIOD_PRESETS[period as keyof typeof USAGE_PERIOD_PRESETS];
  if (period !== CUSTOM) return dates.utcMonth(period);
  return range ? `${dates.utcDay(range.from)} to ${dates.utcDay(range.to)}` : "Custom range";
};

/**
 * The period picker: the presets, the months the API lists (those with data or the license's),
 * and a custom range with two date inputs.
 */
export const UsagePeriodFields = ({ period, months }: { period: UsagePeriod; months: string[] }) => {
  const dates = useDateFormat();
  const listed = [...months];
  // A month from a shared link stays selectable even when the list does not hold it.
  if (!(period.period in USAGE_PERIOD_PRESETS) && period.period !== CUSTOM && !period.invalid) {
    if (!listed.includes(period.period)) listed.push(period.period);
  }
  const options = [
    ...Object.entries(USAGE_PERIOD_PRESETS).map(([value, label]) => ({ value, label })),
    ...listed.map((month) => ({ value: month, label: dates.utcMonth(month) })),
    { value: CUSTOM, label: "Custom range" },
  ];
  return (
    <div className="space-y-4">
      <div className="max-w-xs">
        <NativeSelect
          label="Period"
          name="usagePeriod"
          value={period.invalid ? "" : period.period}
          onChange={period.choose}
          options={period.invalid ? [{ value: "", label: "Choose a period" }, ...options] : options}
          error={period.invalid ? ["choose a period: this one is not known or has not begun"] : undefined}
          hint="Dates are UTC days."
        />
      </div>
      {period.period === CUSTOM ? <DayRangeFields range={period.custom} /> : null}
    </div>
  );
};
