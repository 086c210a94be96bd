import { sql } from "drizzle-orm";
import { boolean, check, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { users } from "./users.ts";

/** One opening span of a local day, "HH:MM" to "HH:MM" (as the domain's BusinessSpan). */
interface SpanColumn {
  start: string;
  end: string;
}
type WeeklyHoursColumn = Record<"MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN", SpanColumn[]>;

const nineToFive = [{ start: "09:00", end: "17:00" }];
const WEEKDAYS_NINE_TO_FIVE: WeeklyHoursColumn = {
  MON: nineToFive,
  TUE: nineToFive,
  WED: nineToFive,
  THU: nineToFive,
  FRI: nineToFive,
  SAT: [],
  SUN: [],
};

/**
 * Support teams: a ticket belongs to one, and its SLA clocks follow the team's calendar when
 * `business_hours` is on (around the clock otherwise). Exactly one team is the default,
 * seeded by the migration that made the table.
 */
export const supportTeams = pgTable(
  "support_teams",
  {
    id: id(),
    name: text().notNull(),
    isDefault: boolean().notNull().default(false),
    businessHours: boolean().notNull().default(false),
    /** An IANA zone: the weekly spans and holidays are in its local time. */
    timeZone: text().notNull().default("UTC"),
    weeklyHours: jsonb().$type<WeeklyHoursColumn>().notNull().default(WEEKDAYS_NINE_TO_FIVE),
    /** Local dates ("YYYY-MM-DD") without business hours. */
    holidays: jsonb().$type<string[]>().notNull().default([]),
    ...timestamps,
  },
  (table) => [uniqueIndex("support_teams_one_default").on(table.isDefault).where(sql`${table.isDefault}`)],
);

/**
 * Routing per license tier (STARTER … CUSTOM; no row: least load, default team). For round
 * robin, `last_agent_id` is the cursor: the agent the tier's last ticket went to, moved by one
 * `UPDATE … RETURNING` per ticket, so concurrent creates take turns under the row's lock.
 */
export const supportRouting = pgTable(
  "support_routing",
  {
    tier: text().primaryKey(),
    mode: text().notNull().default("LEAST_LOAD"),
    teamId: uuid().references(() => supportTeams.id, { onDelete: "set null" }),
    lastAgentId: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("support_routing_mode", sql`${table.mode} in ('LEAST_LOAD', 'ROUND_ROBIN')`),
    check("support_routing_tier", sql`${table.tier} in ('STARTER', 'PROFESSIONAL', 'ENTERPRISE', 'CUSTOM')`),
  ],
);
