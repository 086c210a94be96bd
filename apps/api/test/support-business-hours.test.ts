import { supportTeams, ticketSlaEvents, tickets } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSlaSweep } from "../src/support/sla-sweep.ts";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

let h: TestHarness;
let defaultTeamId: string;
beforeAll(async () => {
  h = await createTestHarness();
  const [team] = await h.db
    .select({ id: supportTeams.id })
    .from(supportTeams)
    .where(eq(supportTeams.isDefault, true));
  defaultTeamId = team?.id ?? "";
});
afterAll(() => h.close());

const HOUR = 3_600_000;
const nineToFive = [{ start: "09:00", end: "17:00" }];
/** Berlin, Monday to Friday 09–17 (07–15 UTC in June), Whit Monday 2026 off. */
const berlinHours = {
  name: "Support",
  businessHours: true,
  timeZone: "Europe/Berlin",
  weeklyHours: {
    MON: nineToFive,
    TUE: nineToFive,
    WED: nineToFive,
    THU: nineToFive,
    FRI: nineToFive,
    SAT: [],
    SUN: [],
  },
  holidays: ["2026-05-25"],
};
const utc = (iso: string) => new Date(iso);
const stored = async (ticketId: string) => {
  const [row] = await h.db.select().from(tickets).where(eq(tickets.id, ticketId));
  return row;
};
/** Organisation B is STARTER: a HIGH ticket has 4 h to a first response and 12 h to resolution. */
const openHigh = async (priority: "HIGH" | "CRITICAL" = "HIGH") =>
  (await h.caller("ownerB")).support.create({ subject: "Export fails", description: "Since noon", priority });

describe("SLA in the default team's business hours", () => {
  beforeAll(async () => {
    await (await h.caller("staffAdmin")).supportSettings.updateTeam({
      ...berlinHours,
      teamId: defaultTeamId,
    });
  });

  it("a HIGH ticket opened on Friday at 16:00 is due on Monday at 12:00, as stored and as shown", async () => {
    h.clock.set(utc("2026-06-05T14:00:00Z"));
    const ticket = await openHigh();
    expect(ticket.teamId).toBe(defaultTeamId);
    expect(ticket.responseDueAt).toEqual(utc("2026-06-08T10:00:00Z"));
    expect(ticket.resolutionDueAt).toEqual(utc("2026-06-09T10:00:00Z"));
    const row = await stored(ticket.id);
    expect(row?.responseDueAt).toEqual(utc("2026-06-08T10:00:00Z"));
    expect(row?.resolutionDueAt).toEqual(utc("2026-06-09T10:00:00Z"));
  });

  it("before Whit Monday the same ticket is due on Tuesday", async () => {
    h.clock.set(utc("2026-05-22T14:00:00Z"));
    const ticket = await openHigh();
    expect(ticket.responseDueAt).toEqual(utc("2026-05-26T10:00:00Z"));
  });

  it("CRITICAL ignores the calendar: due an hour later, on Friday evening", async () => {
    h.clock.set(utc("2026-06-05T14:00:00Z"));
    const ticket = await openHigh("CRITICAL");
    expect(ticket.responseDueAt).toEqual(utc("2026-06-05T15:00:00Z"));
    expect((await stored(ticket.id))?.resolutionDueAt).toEqual(utc("2026-06-05T17:00:00Z"));
  });

  it("waiting on the customer moves the stored resolution due time by the business time waited", async () => {
    h.clock.set(utc("2026-06-05T14:00:00Z"));
    const ticket = await openHigh();
    const agent = await h.caller("staffSupport");
    await agent.support.updateStatus({ ticketId: ticket.id, status: "IN_PROGRESS" });
    h.clock.set(utc("2026-06-08T07:00:00Z")); // Monday 09:00
    const waiting = await agent.support.updateStatus({ ticketId: ticket.id, status: "WAITING_ON_CUSTOMER" });
    expect(waiting.sla.resolution.paused).toBe(true);
    h.clock.set(utc("2026-06-08T11:00:00Z")); // Monday 13:00: four business hours later
    await (await h.caller("ownerB")).support.replyMine({ ticketId: ticket.id, body: "Here is the file" });
    const row = await stored(ticket.id);
    expect(row?.status).toBe("IN_PROGRESS");
    expect(row?.pauseSpans).toEqual([{ from: "2026-06-08T07:00:00.000Z", to: "2026-06-08T11:00:00.000Z" }]);
    // 12 h + 4 h waited: Friday 1, Monday 8, Tuesday 7 → Tuesday 16:00
    expect(row?.resolutionDueAt).toEqual(utc("2026-06-09T14:00:00Z"));
    const shown = await agent.support.get({ ticketId: ticket.id });
    expect(shown.sla.resolution.dueAt).toEqual(utc("2026-06-09T14:00:00Z"));
    // elapsed: Friday's hour; Monday morning was spent waiting
    expect(shown.sla.resolution.remainingMs).toBe(11 * HOUR);
  });

  it("the sweep counts in the same calendar: on Saturday only the CRITICAL ticket has breached", async () => {
    h.clock.set(utc("2026-06-05T14:00:00Z"));
    const high = await openHigh();
    const critical = await openHigh("CRITICAL");
    await runSlaSweep(h.deps, utc("2026-06-06T12:00:00Z"));
    const events = await h.db.select().from(ticketSlaEvents);
    expect(events.filter((event) => event.ticketId === high.id)).toEqual([]);
    expect(events.filter((event) => event.ticketId === critical.id).map((event) => event.kind)).toContain(
      "BREACHED",
    );
    // Monday 11:30: half an hour left of the HIGH ticket's response clock → at risk, due as stored
    await runSlaSweep(h.deps, utc("2026-06-08T09:30:00Z"));
    const [atRisk] = await h.db.select().from(ticketSlaEvents).where(eq(ticketSlaEvents.ticketId, high.id));
    expect(atRisk).toMatchObject({
      clock: "FIRST_RESPONSE",
      kind: "AT_RISK",
      dueAt: utc("2026-06-08T10:00:00Z"),
    });
  });

  it("a tier routed to another team follows that team's calendar", async () => {
    const admin = await h.caller("staffAdmin");
    const tokyo = await admin.supportSettings.createTeam({
      ...berlinHours,
      name: "Tokyo",
      timeZone: "Asia/Tokyo",
      holidays: [],
    });
    await admin.supportSettings.setRouting({ tier: "STARTER", mode: "LEAST_LOAD", teamId: tokyo.id });
    h.clock.set(utc("2026-06-05T14:00:00Z")); // Friday 23:00 in Tokyo: closed until Monday 09:00 (00:00 UTC)
    const ticket = await openHigh();
    expect(ticket.teamId).toBe(tokyo.id);
    expect(ticket.responseDueAt).toEqual(utc("2026-06-08T04:00:00Z"));
    await admin.supportSettings.setRouting({ tier: "STARTER", mode: "LEAST_LOAD", teamId: null });
  });

  it("with business hours off the team counts around the clock again", async () => {
    await (await h.caller("staffAdmin")).supportSettings.updateTeam({
      ...berlinHours,
      businessHours: false,
      teamId: defaultTeamId,
    });
    h.clock.set(utc("2026-06-05T14:00:00Z"));
    expect((await openHigh()).responseDueAt).toEqual(utc("2026-06-05T18:00:00Z"));
  });
});

describe("changing a calendar", () => {
  it("moves the stored due times of the team's open tickets at once", async () => {
    const admin = await h.caller("staffAdmin");
    await admin.supportSettings.updateTeam({ ...berlinHours, businessHours: false, teamId: defaultTeamId });
    h.clock.set(utc("2026-06-05T14:00:00Z"));
    const ticket = await openHigh();
    expect(ticket.responseDueAt).toEqual(utc("2026-06-05T18:00:00Z"));
    await admin.supportSettings.updateTeam({ ...berlinHours, teamId: defaultTeamId });
    const row = await stored(ticket.id);
    expect(row?.responseDueAt).toEqual(utc("2026-06-08T10:00:00Z"));
    expect(row?.resolutionDueAt).toEqual(utc("2026-06-09T10:00:00Z"));
    expect(row?.version).toBe(ticket.version + 1);
    await admin.supportSettings.updateTeam({ ...berlinHours, businessHours: false, teamId: defaultTeamId });
    expect((await stored(ticket.id))?.responseDueAt).toEqual(utc("2026-06-05T18:00:00Z"));
  });
});

describe("settings: validation and who may change them", () => {
  it.each([
    ["an unknown time zone", { timeZone: "Europe/Atlantis" }, "timeZone"],
    ["an offset for a zone", { timeZone: "+02:00" }, "timeZone"],
    [
      "overlapping spans",
      {
        weeklyHours: {
          ...berlinHours.weeklyHours,
          TUE: [
            { start: "09:00", end: "13:00" },
            { start: "12:00", end: "17:00" },
          ],
        },
      },
      "weeklyHours.TUE.1.start",
    ],
    [
      "a span ending before it starts",
      { weeklyHours: { ...berlinHours.weeklyHours, WED: [{ start: "17:00", end: "09:00" }] } },
      "weeklyHours.WED.0.end",
    ],
    ["a holiday that is no date", { holidays: ["2026-13-01"] }, "holidays.0"],
  ])("refuses %s with a 400 naming the field", async (_, change, field) => {
    const admin = await h.caller("staffAdmin");
    const update = () =>
      admin.supportSettings.updateTeam({ ...berlinHours, ...change, teamId: defaultTeamId });
    expect(await errorCode(update())).toBe("VALIDATION_FAILED");
    expect(await errorField(update())).toBe(field);
  });

  it("an unknown team or routing team is NOT_FOUND, naming teamId", async () => {
    const admin = await h.caller("staffAdmin");
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await errorField(admin.supportSettings.updateTeam({ ...berlinHours, teamId: missing }))).toBe(
      "teamId",
    );
    expect(
      await errorCode(
        admin.supportSettings.setRouting({ tier: "CUSTOM", mode: "ROUND_ROBIN", teamId: missing }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("support agents and viewers read the settings but cannot change them", async () => {
    for (const persona of ["staffSupport", "staffViewer"] as const) {
      const caller = await h.caller(persona);
      expect((await caller.supportSettings.get()).teams.map((team) => team.isDefault)).toContain(true);
      expect(
        await errorCode(caller.supportSettings.updateTeam({ ...berlinHours, teamId: defaultTeamId })),
      ).toBe("FORBIDDEN");
      expect(
        await errorCode(
          caller.supportSettings.setRouting({ tier: "STARTER", mode: "ROUND_ROBIN", teamId: null }),
        ),
      ).toBe("FORBIDDEN");
    }
    expect(await errorCode((await h.caller("ownerA")).supportSettings.get())).toBe("FORBIDDEN");
  });
});
