import { auditEvents, organizations } from "@tessera/db/schema";
import {
  type AuditCursorQuery,
  type CursorPage,
  type CursorPosition,
  DomainError,
  decodeCursor,
  toCursorPage,
} from "@tessera/domain";
import { and, desc, eq, getTableColumns, gte, like, lte, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";

/*
 * The audit log as cursor pages, newest first in the same order as the console's list:
 * created_at, then seq (insertion order), so entries written in one transaction with one
 * clock reading keep their order. A cursor's sort value is "<created_at to the microsecond>|<seq>".
 */
const SORT_VALUE = /^((?:19|[2-9]\d)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(\d{3})Z\|(\d{1,18})$/;

const badCursor = () =>
  new DomainError("VALIDATION_FAILED", "cursor is not one this API issued", { field: "cursor" });

/** The created_at text and seq a cursor ended on; anything else is a 400 naming `cursor`. */
const cursorPlace = (position: CursorPosition) => {
  const match = SORT_VALUE.exec(position.sortValue);
  const [, milliseconds, micros, seq] = match ?? [];
  // A real instant only (no 2026-02-30): PostgreSQL would refuse it with a 500.
  if (!milliseconds || !seq || Number.isNaN(Date.parse(`${milliseconds}Z`))) throw badCursor();
  if (new Date(`${milliseconds}Z`).toISOString() !== `${milliseconds}Z`) throw badCursor();
  return { createdAt: `${milliseconds}${micros}Z`, seq };
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

const filters = (query: z.output<typeof AuditCursorQuery>, organizationId: string | undefined) => {
  const conditions: (SQL | undefined)[] = [
    organizationId ? eq(auditEvents.organizationId, organizationId) : undefined,
    query.action ? like(auditEvents.action, `${escapeLike(query.action)}%`) : undefined,
    query.from ? gte(auditEvents.createdAt, query.from) : undefined,
    query.to ? lte(auditEvents.createdAt, query.to) : undefined,
  ];
  if (query.cursor) {
    const place = cursorPlace(decodeCursor(query.cursor));
    conditions.push(
      sql`(${auditEvents.createdAt}, ${auditEvents.seq}) < (${place.createdAt}::timestamptz, ${place.seq}::bigint)`,
    );
  }
  return and(...conditions);
};

type Snapshot = Record<string, unknown> | null;
type AuditEntry = Omit<typeof auditEvents.$inferSelect, "before" | "after"> & {
  organizationName: string | null;
  before: Snapshot;
  after: Snapshot;
};

/** `organizationId` is the tenant filter already settled by the caller (undefined: all). */
export const listAuditEventsPage = async (
  ctx: Pick<ServiceContext, "db">,
  query: z.output<typeof AuditCursorQuery>,
  organizationId: string | undefined,
): Promise<CursorPage<AuditEntry>> => {
  const rows = await ctx.db
    .select({
      ...getTableColumns(auditEvents),
      organizationName: organizations.name,
      // Microseconds, in UTC: a JavaScript Date would round them off and the next page repeat rows.
      sortValue: sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || ${auditEvents.seq}`,
    })
    .from(auditEvents)
    .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
    .where(filters(query, organizationId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.seq))
    .limit(query.limit + 1);
  const page = toCursorPage(rows, query.limit, (row) => ({ sortValue: row.sortValue, id: row.id }));
  return {
    ...page,
    // before/after are the redacted snapshots recordEvent wrote: an object or null.
    items: page.items.map(({ sortValue: _, before, after, ...row }) => ({
      ...row,
      before: before as Snapshot,
      after: after as Snapshot,
    })),
  };
};
