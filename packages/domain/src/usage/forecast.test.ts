import { describe, expect, it } from "vitest";
import { type DailyValue, forecastUsage, type UsageForecast } from "./forecast.ts";

const now = new Date("2026-11-15T12:00:00Z");
const DAY_MS = 86_400_000;
const dayOf = (offset: number) =>
  new Date(Date.UTC(2026, 10, 15) + offset * DAY_MS).toISOString().slice(0, 10);

/** `count` daily values ending today, the value of day `offset` (≤ 0) given by `at`. */
const series = (count: number, at: (offset: number) => number): DailyValue[] =>
  Array.from({ length: count }, (_, i) => {
    const offset = i - count + 1;
    return { day: dayOf(offset), value: Math.round(at(offset)) };
  });

/** Deterministic noise in [-1, 1): a linear congruential generator, the same on every run. */
const noise = (seed: number) => {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  };
};

const gauge = (days: DailyValue[], limit: number | null = 1000, renewalAt: Date | null = null) =>
  forecastUsage({ kind: "GAUGE", days, limit, renewalAt, now });

const forecast = (result: UsageForecast) => {
  if (result.status !== "FORECAST") throw new Error(`expected a forecast, got ${result.status}`);
  return result;
};

describe("forecastUsage for gauges (least squares over 30 days)", () => {
  it.each([
    ["flat", series(30, () => 500), "FLAT", 500, null],
    [
      "rising 10 a day",
      series(30, (d) => 700 + 10 * d),
      "RISING",
      860,
      { on: "2026-11-25", latest: "2026-11-25" },
    ],
    ["falling", series(30, (d) => 600 - 10 * d), "FALLING", 440, null],
    ["unlimited", series(30, (d) => 600 + 10 * d), "RISING", 760, null],
  ])("%s", (name, days, trend, atPeriodEnd, reaches80) => {
    const result = forecast(gauge(days, name === "unlimited" ? null : 1000));
    expect(result).toMatchObject({ method: "LINEAR_TREND", trend });
    expect(result.periodEnd).toMatchObject({ at: new Date("2026-12-01T00:00:00Z"), value: atPeriodEnd });
    // An exact series has no residuals: the band is the value itself.
    expect(result.periodEnd.low).toBe(atPeriodEnd);
    expect(result.periodEnd.high).toBe(atPeriodEnd);
    if (reaches80) expect(result.reaches80).toMatchObject(reaches80);
    else expect(result.reaches80).toBeNull();
  });

  it("dates a rising gauge's 80 % and 100 % from the line: 600 + 10 a day against 1000", () => {
    const result = forecast(gauge(series(30, (d) => 600 + 10 * d)));
    expect(result.current).toBe(600);
    expect(result.perDay).toBeCloseTo(10);
    // Both fall after the period's end: without a renewal further out neither is forecast.
    expect(result.reaches80).toBeNull();
    expect(result.reaches100).toBeNull();
    const renewing = forecast(
      gauge(
        series(30, (d) => 600 + 10 * d),
        1000,
        new Date("2027-03-01T00:00:00Z"),
      ),
    );
    expect(renewing.reaches80).toEqual({ on: "2026-12-05", earliest: "2026-12-05", latest: "2026-12-05" });
    expect(renewing.reaches100).toEqual({ on: "2026-12-25", earliest: "2026-12-25", latest: "2026-12-25" });
    // 106 days from today to the renewal.
    expect(renewing.renewal).toMatchObject({ at: new Date("2027-03-01T00:00:00Z"), value: 1660 });
  });

  it("gives a noisy rising gauge a band that widens with the horizon and holds the truth", () => {
    const next = noise(42);
    const truth = (d: number) => 400 + 8 * d;
    const result = forecast(
      gauge(
        series(30, (d) => truth(d) + 30 * next()),
        1000,
        new Date("2027-01-15T00:00:00Z"),
      ),
    );
    expect(result.trend).toBe("RISING");
    const { periodEnd, renewal } = result;
    const trueAtPeriodEnd = truth(16);
    const trueAtRenewal = truth(61);
    expect(periodEnd.low).toBeLessThanOrEqual(trueAtPeriodEnd);
    expect(periodEnd.high).toBeGreaterThanOrEqual(trueAtPeriodEnd);
    expect(renewal?.low).toBeLessThanOrEqual(trueAtRenewal);
    expect(renewal?.high).toBeGreaterThanOrEqual(trueAtRenewal);
    expect((renewal?.high ?? 0) - (renewal?.low ?? 0)).toBeGreaterThan(periodEnd.high - periodEnd.low);
    // Forecast error on this series (also given in the change's report).
    expect(Math.abs(periodEnd.value - trueAtPeriodEnd)).toBeLessThan(25);
    expect(Math.abs((renewal?.value ?? 0) - trueAtRenewal)).toBeLessThan(60);
    // 80 % (800) on the line's day, the band's edges on either side of it.
    const reach = result.reaches80;
    expect(reach).not.toBeNull();
    expect(reach?.earliest.localeCompare(reach.on)).toBeLessThanOrEqual(0);
    expect((reach?.latest ?? "9999").localeCompare(reach?.on ?? "")).toBeGreaterThanOrEqual(0);
  });

  it("calls noise around a level flat, and dates nothing, however far the renewal", () => {
    // This noise fits a line rising by about 1 a day, well within its own 95 % interval of 0.
    const next = noise(1);
    const result = forecast(
      gauge(
        series(30, () => 700 + 50 * next()),
        1000,
        new Date("2027-06-01T00:00:00Z"),
      ),
    );
    expect(result.perDay).toBeGreaterThan(1);
    expect(result.trend).toBe("FLAT");
    expect(result.reaches80).toBeNull();
    expect(result.reaches100).toBeNull();
  });

  it("dates nothing already reached: at 85 % only 100 % is ahead, over the limit nothing", () => {
    const renewalAt = new Date("2027-06-01T00:00:00Z");
    const near = forecast(
      gauge(
        series(30, (d) => 850 + 5 * d),
        1000,
        renewalAt,
      ),
    );
    expect(near.reaches80).toBeNull();
    expect(near.reaches100?.on).toBe("2026-12-15");
    const over = forecast(
      gauge(
        series(30, (d) => 1100 + 5 * d),
        1000,
        renewalAt,
      ),
    );
    expect(over).toMatchObject({ current: 1100, reaches80: null, reaches100: null });
  });

  it("needs 7 daily values within the last 30 days", () => {
    expect(gauge(series(6, (d) => 600 + 10 * d))).toEqual({
      status: "INSUFFICIENT_DATA",
      method: "LINEAR_TREND",
      points: 6,
      needed: 7,
    });
    expect(gauge(series(7, (d) => 600 + 10 * d)).status).toBe("FORECAST");
    // Values older than the window do not count: of days −39 … −24 only −29 … −24 are in it.
    const old = series(40, (d) => 600 + 10 * d).slice(0, 16);
    expect(gauge(old)).toMatchObject({ status: "INSUFFICIENT_DATA", points: 6 });
    expect(gauge(series(40, () => 1).slice(0, 10))).toMatchObject({ points: 0 });
  });

  it("ignores a renewal in the past, and fits days given out of order", () => {
    const days = series(30, (d) => 600 + 10 * d);
    const result = forecast(gauge([...days].reverse(), 1000, new Date("2026-11-01T00:00:00Z")));
    expect(result).toMatchObject({ current: 600, renewal: null, trend: "RISING" });
  });
});

describe("forecastUsage for counters (month-to-date run rate)", () => {
  const counter = (
    days: DailyValue[],
    limit: number | null = 10_000,
    at = now,
    renewalAt: Date | null = null,
  ) => forecastUsage({ kind: "COUNTER", days, limit, renewalAt, now: at });
  /** 100 calls on each day of November so far, today's half included. */
  const steady = Array.from({ length: 15 }, (_, i) => ({ day: dayOf(i - 14), value: i === 14 ? 50 : 100 }));

  it("projects the month at the run rate: 1,450 in 14.5 days is 3,000 by the 30th", () => {
    const result = forecast(counter(steady));
    expect(result).toMatchObject({ method: "RUN_RATE", trend: "RISING", current: 1450, perDay: 100 });
    expect(result.periodEnd).toEqual({
      at: new Date("2026-12-01T00:00:00Z"),
      value: 3000,
      low: 3000,
      high: 3000,
    });
    expect(result.reaches80).toBeNull();
  });

  it("dates a limit the month will pass, and resets for a renewal in a later month", () => {
    const result = forecast(counter(steady, 2000, now, new Date("2027-01-10T12:00:00Z")));
    // 1,450 + 100 a day: 1,600 (80 %) at the end of the 16th, 2,000 at the end of the 20th.
    expect(result.reaches80).toEqual({ on: "2026-11-16", earliest: "2026-11-16", latest: "2026-11-16" });
    expect(result.reaches100).toEqual({ on: "2026-11-20", earliest: "2026-11-20", latest: "2026-11-20" });
    expect(result.renewal).toMatchObject({ value: 950 });
  });

  it("widens the band with the spread of the daily sums", () => {
    const uneven = steady.map((point, i) => ({ ...point, value: i % 2 === 0 ? 40 : 160 }));
    const result = forecast(counter(uneven, 10_000));
    expect(result.periodEnd.low).toBeLessThan(result.periodEnd.value);
    expect(result.periodEnd.high).toBeGreaterThan(result.periodEnd.value);
  });

  it("is flat without calls, needs 3 whole days into the month, and knows no limit when unlimited", () => {
    expect(forecast(counter([])).trend).toBe("FLAT");
    expect(forecast(counter([])).reaches100).toBeNull();
    expect(counter(steady, 10, new Date("2026-11-03T23:00:00Z"))).toEqual({
      status: "INSUFFICIENT_DATA",
      method: "RUN_RATE",
      points: 2,
      needed: 3,
    });
    expect(counter(steady, 10, new Date("2026-11-04T00:00:00Z")).status).toBe("FORECAST");
    expect(forecast(counter(steady, null))).toMatchObject({ reaches80: null, reaches100: null });
    expect(forecast(counter(steady, 1000))).toMatchObject({ reaches80: null, reaches100: null });
  });
});
