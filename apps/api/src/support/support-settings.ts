import { supportRouting, supportTeams } from "@tessera/db/schema";
import {
  DomainError,
  type SetSupportRoutingInput,
  type SupportRoutingMode,
  type SupportTeamInput,
  TIERS,
  type UpdateSupportTeamInput,
} from "@tessera/domain";
import { asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { calendarOf } from "./team-calendars.ts";
import { restoreTeamDueTimes } from "./team-due-times.ts";

const teamColumns = {
  id: supportTeams.id,
  name: supportTeams.name,
  isDefault: supportTeams.isDefault,
  businessHours: supportTeams.businessHours,
  timeZone: supportTeams.timeZone,
  weeklyHours: supportTeams.weeklyHours,
  holidays: supportTeams.holidays,
};

/** The teams (default first) and each tier's routing (least load and the default team when unset). */
export const getSupportSettings = async (ctx: ServiceContext) => {
  const [teams, routing] = await Promise.all([
    ctx.db
      .select(teamColumns)
      .from(supportTeams)
      .orderBy(desc(supportTeams.isDefault), asc(supportTeams.name)),
    ctx.db.select().from(supportRouting),
  ]);
  return {
    teams,
    routing: TIERS.map((tier) => {
      const row = routing.find((candidate) => candidate.tier === tier);
      return { tier, mode: (row?.mode ?? "LEAST_LOAD") as SupportRoutingMode, teamId: row?.teamId ?? null };
    }),
  };
};

const teamValues = (input: z.output<typeof SupportTeamInput>) => ({
  name: input.name,
  businessHours: input.businessHours,
  timeZone: input.timeZone,
  weeklyHours: input.weeklyHours,
  holidays: input.holidays,
});

export const createSupportTeam = async (ctx: ServiceContext, input: z.output<typeof SupportTeamInput>) =>
  ctx.db.transaction(async (tx) => {
    const [team] = await tx
      .insert(supportTeams)
      .values({ ...teamValues(input), createdAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .returning(teamColumns);
    if (!team) throw new Error("the team insert returned no row");
    await recordEvent(tx, ctx, {
      action: "support.team_created",
      organizationId: null,
      targetType: "support_team",
      targetId: team.id,
      after: teamValues(input),
    });
    return team;
  });

/** A team's name and calendar; its open tickets' stored due times follow in the same transaction. */
export const updateSupportTeam = async (
  ctx: ServiceContext,
  input: z.output<typeof UpdateSupportTeamInput>,
) =>
  ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select(teamColumns)
      .from(supportTeams)
      .where(eq(supportTeams.id, input.teamId))
      .for("update");
    if (!current) throw new DomainError("NOT_FOUND", "Support team not found", { field: "teamId" });
    const [team] = await tx
      .update(supportTeams)
      .set({ ...teamValues(input), updatedAt: ctx.clock.now() })
      .where(eq(supportTeams.id, input.teamId))
      .returning(teamColumns);
    await restoreTeamDueTimes(tx, current, calendarOf(teamValues(input)), ctx.clock.now());
    const changes = diff(teamValues(current), teamValues(input));
    await recordEvent(tx, ctx, {
      action: "support.team_updated",
      organizationId: null,
      targetType: "support_team",
      targetId: input.teamId,
      ...changes,
    });
    return team ?? current;
  });

/** A tier's routing mode and team; the round-robin cursor stays where it was. */
export const setSupportRouting = async (
  ctx: ServiceContext,
  input: z.output<typeof SetSupportRoutingInput>,
) =>
  ctx.db.transaction(async (tx) => {
    if (input.teamId) {
      // a key share lock: the team cannot go while this row comes to point at it
      const [team] = await tx
        .select({ id: supportTeams.id })
        .from(supportTeams)
        .where(eq(supportTeams.id, input.teamId))
        .for("key share");
      if (!team) throw new DomainError("NOT_FOUND", "Support team not found", { field: "teamId" });
    }
    const values = { mode: input.mode, teamId: input.teamId, updatedAt: ctx.clock.now() };
    await tx
      .insert(supportRouting)
      .values({ tier: input.tier, ...values })
      .onConflictDoUpdate({ target: supportRouting.tier, set: values });
    await recordEvent(tx, ctx, {
      action: "support.routing_set",
      organizationId: null,
      targetType: "support_routing",
      targetId: null,
      after: { tier: input.tier, mode: input.mode, teamId: input.teamId },
    });
    return { tier: input.tier, mode: input.mode, teamId: input.teamId };
  });
