import type { Database, Transaction } from "@tessera/db";
import { supportTeams } from "@tessera/db/schema";
import type { BusinessCalendar } from "@tessera/domain";
import { eq, or, sql } from "drizzle-orm";

type TeamRow = Pick<
  typeof supportTeams.$inferSelect,
  "id" | "isDefault" | "businessHours" | "timeZone" | "weeklyHours" | "holidays"
>;

/** The columns a calendar is read from. */
const calendarColumns = {
  id: supportTeams.id,
  isDefault: supportTeams.isDefault,
  businessHours: supportTeams.businessHours,
  timeZone: supportTeams.timeZone,
  weeklyHours: supportTeams.weeklyHours,
  holidays: supportTeams.holidays,
};

/** A team's calendar for the SLA: null (around the clock) unless it counts business hours. */
export const calendarOf = (
  team: { [K in keyof Omit<TeamRow, "id" | "isDefault">]: TeamRow[K] | null } | undefined,
): BusinessCalendar | null =>
  team?.businessHours && team.timeZone && team.weeklyHours && team.holidays
    ? { timeZone: team.timeZone, weeklyHours: team.weeklyHours, holidays: team.holidays }
    : null;

/** Every team's calendar, for lists of tickets (teams are few): `of(teamId)`, null meaning the default team. */
export const loadTeamCalendars = async (executor: Database | Transaction) => {
  const teams = await executor.select(calendarColumns).from(supportTeams);
  const byId = new Map(teams.map((team) => [team.id, calendarOf(team)]));
  const fallback = calendarOf(teams.find((team) => team.isDefault));
  return { of: (teamId: string | null) => (teamId === null ? fallback : (byId.get(teamId) ?? fallback)) };
};

/** One ticket's calendar: its team's, or the default team's when it has none. */
export const loadTicketCalendar = async (executor: Database | Transaction, teamId: string | null) => {
  const [team] = await executor
    .select(calendarColumns)
    .from(supportTeams)
    .where(
      teamId
        ? or(eq(supportTeams.id, teamId), eq(supportTeams.isDefault, true))
        : eq(supportTeams.isDefault, true),
    )
    // the ticket's own team before the default
    .orderBy(sql`${supportTeams.isDefault} asc`)
    .limit(1);
  return calendarOf(team);
};
