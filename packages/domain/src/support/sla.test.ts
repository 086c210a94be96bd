import { describe, expect, it } from "vitest";
import { firstResponseTargetHours, slaClocks, type TicketPriority, tierResponseCapHours } from "./sla.ts";

const HOUR = 3_600_000;
const created = new Date("2026-06-01T09:00:00Z");
const at = (hours: number) => new Date(created.getTime() + hours * HOUR);

describe("firstResponseTargetHours", () => {
  it.each([
    ["LOW", "STARTER", null, 48],
    ["NORMAL", "STARTER", null, 24],
    ["HIGH", "STARTER", null, 4],
    ["CRITICAL", "STARTER", null, 1],
    ["LOW", "PROFESSIONAL", null, 4],
    ["NORMAL", "PROFESSIONAL", null, 4],
    ["HIGH", "PROFESSIONAL", null, 4],
    ["CRITICAL", "PROFESSIONAL", null, 1],
    ["LOW", "ENTERPRISE", null, 1],
    ["CRITICAL", "ENTERPRISE", null, 1],
    ["LOW", "CUSTOM", 2, 2],
    ["CRITICAL", "CUSTOM", 2, 1],
    ["NORMAL", "CUSTOM", null, 24],
    ["NORMAL", null, null, 24],
  ] as const)("%s on %s (custom cap %s) → %i h", (priority, tier, cap, hours) => {
    expect(firstResponseTargetHours(priority as TicketPriority, tier, cap)).toBe(hours);
  });
});

describe("tierResponseCapHours", () => {
  it.each([
    ["STARTER", null, null],
    ["PROFESSIONAL", null, 4],
    ["ENTERPRISE", null, 1],
    ["CUSTOM", 6, 6],
    ["CUSTOM", null, null],
    [null, 3, null],
  ] as const)("%s (custom cap %s) → %s", (tier, cap, expected) => {
    expect(tierResponseCapHours(tier, cap)).toBe(expected);
  });
});

const ticket = (overrides: Partial<Parameters<typeof slaClocks>[0]> = {}) => ({
  priority: "HIGH" as TicketPriority,
  tier: "STARTER" as const,
  createdAt: created,
  firstRespondedAt: null,
  resolvedAt: null,
  pauses: [],
  ...overrides,
});

describe("slaClocks", () => {
  it("first response: due at creation + target, at risk under 25 % left, breached after", () => {
    expect(slaClocks(ticket(), at(1)).firstResponse).toMatchObject({
      dueAt: at(4),
      breached: false,
      atRisk: false,
      remainingMs: 3 * HOUR,
    });
    expect(slaClocks(ticket(), at(3.5)).firstResponse).toMatchObject({ atRisk: true, breached: false });
    expect(slaClocks(ticket(), at(4.5)).firstResponse).toMatchObject({ atRisk: false, breached: true });
  });

  it("the first public staff reply stops the first-response clock", () => {
    const answered = slaClocks(ticket({ firstRespondedAt: at(2) }), at(10)).firstResponse;
    expect(answered).toMatchObject({ met: true, breached: false, atRisk: false, remainingMs: 2 * HOUR });
    const late = slaClocks(ticket({ firstRespondedAt: at(5) }), at(10)).firstResponse;
    expect(late).toMatchObject({ met: false, breached: true });
  });

  it("resolution is 3 × the response target and pauses while waiting on the customer", () => {
    // HIGH on STARTER: 4 h response, 12 h resolution
    const running = slaClocks(ticket(), at(6)).resolution;
    expect(running).toMatchObject({
      targetMs: 12 * HOUR,
      dueAt: at(12),
      remainingMs: 6 * HOUR,
      paused: false,
    });
    const waiting = slaClocks(ticket({ pauses: [{ from: at(2), to: null }] }), at(30)).resolution;
    expect(waiting).toMatchObject({ paused: true, dueAt: null, remainingMs: 10 * HOUR, breached: false });
    const resumed = slaClocks(ticket({ pauses: [{ from: at(2), to: at(22) }] }), at(23)).resolution;
    expect(resumed).toMatchObject({ paused: false, dueAt: at(32), remainingMs: 9 * HOUR });
  });

  it("resolution stops at resolved time", () => {
    expect(slaClocks(ticket({ resolvedAt: at(11) }), at(100)).resolution).toMatchObject({
      met: true,
      breached: false,
    });
    expect(slaClocks(ticket({ resolvedAt: at(13) }), at(100)).resolution).toMatchObject({
      met: false,
      breached: true,
    });
  });

  it("a priority change recomputes the due times from creation", () => {
    const before = slaClocks(ticket({ priority: "LOW" }), at(3)).firstResponse;
    expect(before).toMatchObject({ dueAt: at(48), breached: false });
    const raised = slaClocks(ticket({ priority: "CRITICAL" }), at(3)).firstResponse;
    expect(raised).toMatchObject({ dueAt: at(1), breached: true });
  });

  it.each([
    ["STARTER", 4],
    ["PROFESSIONAL", 4],
    ["ENTERPRISE", 1],
  ] as const)("a HIGH ticket on %s is due in %i h", (tier, hours) => {
    expect(slaClocks(ticket({ tier }), created).firstResponse.dueAt).toEqual(at(hours));
  });
});
