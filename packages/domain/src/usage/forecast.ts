import { periodStart, utcDay } from "./metrics.ts";

/**
 * Usage forecasts: where a metric will stand at the period's end and at the license's
 * renewal, and when it will reach 80 % and 100 % of its limit. Gauges (levels) follow a least
 * squares line over the last 30 days; counters (monthly sums) follow the month-to-date run
 * rate. Either way a 95 % band goes with each number, and too little data gives no number.
 */

const DAY_MS = 86_400_000;
/** Two-sided 95 % of the normal distribution. */
const Z95 = 1.96;
/** A gauge's line is fitted to the daily values of this many days, today included. */
export const GAUGE_WINDOW_DAYS = 30;
/** Fewest daily values a gauge's line is fitted to. */
const MIN_GAUGE_POINTS = 7;
/** Fewest whole days into the month before a counter's run rate says anything. */
const MIN_COUNTER_DAYS = 3;
/** Crossings are looked for at most this far ahead (a renewal years away is not a forecast). */
const MAX_SCAN_DAYS = 3660;

export interface DailyValue {
  /** YYYY-MM-DD (UTC) */
  day: string;
  value: number;
}

interface ForecastInput {
  kind: "GAUGE" | "COUNTER";
  /** The daily rollup of one license × metric: a gauge's latest level of each day, a counter's day sum. */
  days: DailyValue[];
  limit: number | null;
  /** When the license expires (renews); null when it never does. */
  renewalAt: Date | null;
  now: Date;
}

export interface Projection {
  at: Date;
  value: number;
  /** The 95 % band around `value`. */
  low: number;
  high: number;
}

/** When a threshold will be reached: the trend's day, and the days its band's edges reach it. */
export interface Reach {
  on: string;
  earliest: string;
  /** null: the band's lower edge stays below the threshold up to the horizon. */
  latest: string | null;
}

export type UsageForecast =
  | {
      status: "INSUFFICIENT_DATA";
      method: "LINEAR_TREND" | "RUN_RATE";
      /** Daily values (gauges) or whole days into the month (counters) there are … */
      points: number;
      /** … and how many a forecast needs. */
      needed: number;
    }
  | {
      status: "FORECAST";
      method: "LINEAR_TREND" | "RUN_RATE";
      trend: "RISING" | "FLAT" | "FALLING";
      /** The level now (gauges) or the month so far (counters). */
      current: number;
      perDay: number;
      periodEnd: Projection;
      renewal: Projection | null;
      /** null when unlimited, already reached, not rising, or not within the horizon. */
      reaches80: Reach | null;
      reaches100: Reach | null;
    };

/** A fitted model: the value on day `offset` after today (end of that day for counters), with its band. */
interface Model {
  trend: "RISING" | "FLAT" | "FALLING";
  current: number;
  perDay: number;
  at(instant: Date): { value: number; half: number };
  onDay(offset: number): { value: number; half: number };
  /** Day offsets after today on which a crossing counts. */
  scanDays: number;
}

const startOfDay = (date: Date) => Date.parse(`${utcDay(date)}T00:00:00Z`);
const nextPeriodStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
const daysBetween = (from: number, to: number) => (to - from) / DAY_MS;

/** Least squares over the window's daily values; the band is the 95 % prediction interval. */
const gaugeModel = (points: DailyValue[], input: ForecastInput, horizon: Date): Model => {
  const today = startOfDay(input.now);
  const xs = points.map((point) => daysBetween(today, Date.parse(`${point.day}T00:00:00Z`)));
  const ys = points.map((point) => point.value);
  const n = xs.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const sxy = xs.reduce((sum, x, i) => sum + (x - meanX) * ((ys[i] ?? 0) - meanY), 0);
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const ssr = xs.reduce((sum, x, i) => sum + ((ys[i] ?? 0) - intercept - slope * x) ** 2, 0);
  const residualError = Math.sqrt(ssr / (n - 2));
  // The slope counts as a trend only when its own 95 % interval leaves out zero.
  const slopeMargin = Z95 * (residualError / Math.sqrt(sxx));
  const trend = slope - slopeMargin > 0 ? "RISING" : slope + slopeMargin < 0 ? "FALLING" : "FLAT";
  const line = (x: number) => ({
    value: intercept + slope * x,
    half: Z95 * residualError * Math.sqrt(1 + 1 / n + (x - meanX) ** 2 / sxx),
  });
  const last = points.reduce((latest, point) => (point.day > latest.day ? point : latest));
  return {
    trend,
    current: last.value,
    perDay: slope,
    at: (instant) => line(daysBetween(today, instant.getTime())),
    onDay: line,
    scanDays: Math.ceil(daysBetween(today, horizon.getTime())),
  };
};

/** Month to date over the time elapsed; the band from the spread of the whole days' sums. */
const counterModel = (monthDays: DailyValue[], input: ForecastInput, wholeDays: number): Model => {
  const start = periodStart(input.now).getTime();
  const end = nextPeriodStart(input.now).getTime();
  const now = input.now.getTime();
  const soFar = monthDays.reduce((sum, point) => sum + point.value, 0);
  const rate = soFar / daysBetween(start, now);
  const byDay = new Map(monthDays.map((point) => [point.day, point.value]));
  const sums = Array.from(
    { length: wholeDays },
    (_, i) => byDay.get(utcDay(new Date(start + i * DAY_MS))) ?? 0,
  );
  const mean = sums.reduce((sum, value) => sum + value, 0) / wholeDays;
  const variance = sums.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (wholeDays - 1);
  // Days to come vary independently around a rate that is itself estimated from `wholeDays`.
  const half = (days: number) => Z95 * Math.sqrt(variance * days + (variance * days * days) / wholeDays);
  const at = (instant: Date) => {
    const t = instant.getTime();
    if (t <= end) return { value: soFar + rate * daysBetween(now, t), half: half(daysBetween(now, t)) };
    // A later month starts again from zero.
    const days = daysBetween(periodStart(instant).getTime(), t);
    return { value: rate * days, half: half(days) };
  };
  const today = startOfDay(input.now);
  return {
    trend: rate > 0 ? "RISING" : "FLAT",
    current: soFar,
    perDay: rate,
    at,
    onDay: (offset) => at(new Date(Math.min(today + (offset + 1) * DAY_MS, end))),
    scanDays: Math.ceil(daysBetween(today, end)),
  };
};

const projection = (model: Model, at: Date): Projection => {
  const { value, half } = model.at(at);
  return {
    at,
    value: Math.max(0, Math.round(value)),
    low: Math.max(0, Math.round(value - half)),
    high: Math.max(0, Math.round(value + half)),
  };
};

/** The first day (offset from today) on which `reached` holds, within the model's horizon. */
const firstDay = (model: Model, reached: (day: { value: number; half: number }) => boolean) => {
  for (let offset = 0; offset < Math.min(model.scanDays, MAX_SCAN_DAYS); offset++) {
    if (reached(model.onDay(offset))) return offset;
  }
  return null;
};

const reach = (model: Model, input: ForecastInput, threshold: number): Reach | null => {
  if (input.limit === null || model.trend !== "RISING") return null;
  const target = (input.limit * threshold) / 100;
  if (model.current >= target) return null;
  const on = firstDay(model, (day) => day.value >= target);
  if (on === null) return null;
  const earliest = firstDay(model, (day) => day.value + day.half >= target) ?? on;
  const latest = firstDay(model, (day) => day.value - day.half >= target);
  const dayAt = (offset: number) => utcDay(new Date(startOfDay(input.now) + offset * DAY_MS));
  return { on: dayAt(on), earliest: dayAt(earliest), latest: latest === null ? null : dayAt(latest) };
};

/** The forecast of one license × metric at `input.now`. */
export const forecastUsage = (input: ForecastInput): UsageForecast => {
  const today = utcDay(input.now);
  const periodEnd = nextPeriodStart(input.now);
  const renewalAt = input.renewalAt && input.renewalAt > input.now ? input.renewalAt : null;
  let model: Model;
  if (input.kind === "GAUGE") {
    const from = utcDay(new Date(startOfDay(input.now) - (GAUGE_WINDOW_DAYS - 1) * DAY_MS));
    const points = input.days.filter((point) => point.day >= from && point.day <= today);
    if (points.length < MIN_GAUGE_POINTS)
      return {
        status: "INSUFFICIENT_DATA",
        method: "LINEAR_TREND",
        points: points.length,
        needed: MIN_GAUGE_POINTS,
      };
    const horizon = renewalAt && renewalAt > periodEnd ? renewalAt : periodEnd;
    model = gaugeModel(points, input, horizon);
  } else {
    const wholeDays = Math.floor(daysBetween(periodStart(input.now).getTime(), input.now.getTime()));
    if (wholeDays < MIN_COUNTER_DAYS)
      return { status: "INSUFFICIENT_DATA", method: "RUN_RATE", points: wholeDays, needed: MIN_COUNTER_DAYS };
    const month = utcDay(periodStart(input.now));
    model = counterModel(
      input.days.filter((point) => point.day >= month && point.day <= today),
      input,
      wholeDays,
    );
  }
  return {
    status: "FORECAST",
    method: input.kind === "GAUGE" ? "LINEAR_TREND" : "RUN_RATE",
    trend: model.trend,
    current: model.current,
    perDay: model.perDay,
    periodEnd: projection(model, periodEnd),
    renewal: renewalAt ? projection(model, renewalAt) : null,
    reaches80: reach(model, input, 80),
    reaches100: reach(model, input, 100),
  };
};
