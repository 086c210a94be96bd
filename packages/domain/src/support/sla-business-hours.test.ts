import { describe, expect, it } from "vitest";
import { type BusinessCalendar, WEEKDAYS } from "./business-hours.ts";
import { slaClocks, type TicketPriority } from "./sla.ts";

const HOUR = 3_600_000;
const nineToFive = [{ start: "09:00", end: "17:00" }];
/** Berlin, Monday to Friday 09–17 (07–15 UTC in June). */
const berlin: BusinessCalendar = {
  timeZone: "Europe/Berlin",
  weeklyHours: {
    ...(Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as BusinessCalendar["weeklyHours"]),
    MON: nineToFive,
    TUE: nineToFive,
    WED: nineToFive,
    THU: nineToFive,
    FRI: nineToFive,
  },
  holidays: [],
};
/** Friday 5 June 2026, 16:00 in Berlin: an hour before closing. */
const fridayEvening = new Date("2026-06-05T14:00:00Z");
const utc = (iso: string) => new Date(iso);

const ticket = (overrides: Partial<Parameters<typeof slaClocks>[0]> = {}) => ({
  priority: "HIGH" as TicketPriority,
  tier: "STARTER" as const,
  createdAt: fridayEvening,
  firstRespondedAt: null,
  resolvedAt: null,
  pauses: [],
  calendar: berlin,
  ...overrides,
});

describe("slaClocks in business hours", () => {
  it("a HIGH ticket on Friday evening is due for a response on Monday, for resolution on Tuesday", () => {
    const { firstResponse, resolution } = slaClocks(ticket(), utc("2026-06-06T12:00:00Z"));
    // 4 h: one on Friday, three on Monday from 09:00; 12 h: 1 + 8 + 3
    expect(firstResponse).toMatchObject({
      dueAt: utc("2026-06-08T10:00:00Z"),
      remainingMs: 3 * HOUR,
      breached: false,
      atRisk: false,
    });
    expect(resolution).toMatchObject({ dueAt: utc("2026-06-09T10:00:00Z"), remainingMs: 11 * HOUR });
  });

  it("counts only business time towards a breach", () => {
    const monday = slaClocks(ticket(), utc("2026-06-08T09:30:00Z")).firstResponse;
    expect(monday).toMatchObject({ remainingMs: 0.5 * HOUR, atRisk: true, breached: false });
    expect(slaClocks(ticket(), utc("2026-06-08T10:30:00Z")).firstResponse.breached).toBe(true);
  });

  it("CRITICAL keeps counting around the clock", () => {
    const critical = slaClocks(ticket({ priority: "CRITICAL" }), utc("2026-06-06T12:00:00Z"));
    expect(critical.firstResponse).toMatchObject({ dueAt: utc("2026-06-05T15:00:00Z"), breached: true });
    expect(critical.resolution.dueAt).toEqual(utc("2026-06-05T17:00:00Z"));
  });

  it("a pause moves the resolution due time by the business time it took", () => {
    // waiting Monday 09:00–13:00 (4 business hours): due 4 business hours later
    const resumed = ticket({
      pauses: [{ from: utc("2026-06-08T07:00:00Z"), to: utc("2026-06-08T11:00:00Z") }],
    });
    expect(slaClocks(resumed, utc("2026-06-08T12:00:00Z")).resolution).toMatchObject({
      dueAt: utc("2026-06-09T14:00:00Z"),
      remainingMs: 10 * HOUR,
      paused: false,
    });
    // waiting over the weekend costs no business time: the due time stays
    const weekend = ticket({
      pauses: [{ from: utc("2026-06-05T15:00:00Z"), to: utc("2026-06-08T07:00:00Z") }],
    });
    expect(slaClocks(weekend, utc("2026-06-08T08:00:00Z")).resolution.dueAt).toEqual(
      utc("2026-06-09T10:00:00Z"),
    );
  });

  it("while waiting the clock stands still in business time too", () => {
    const waiting = ticket({ pauses: [{ from: utc("2026-06-08T07:00:00Z"), to: null }] });
    expect(slaClocks(waiting, utc("2026-06-10T12:00:00Z")).resolution).toMatchObject({
      paused: true,
      dueAt: null,
      remainingMs: 11 * HOUR,
    });
  });
});
