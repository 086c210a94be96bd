import type { Executor } from "@tessera/db";
import { supportMacros } from "@tessera/db/schema";
import { type CreateMacroInput, DomainError, type UpdateMacroInput } from "@tessera/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";

type MacroFields = z.output<typeof CreateMacroInput>;
type MacroRow = typeof supportMacros.$inferSelect;

const snapshot = (row: MacroRow) => ({
  title: row.title,
  body: row.body,
  setStatus: row.setStatus,
  setPriority: row.setPriority,
});

/** A live (not archived) macro, or NOT_FOUND: an archived one is gone for agents. */
export const findLiveMacro = async (executor: Executor, macroId: string) => {
  const [row] = await executor
    .select()
    .from(supportMacros)
    .where(and(eq(supportMacros.id, macroId), isNull(supportMacros.archivedAt)));
  if (!row) throw new DomainError("NOT_FOUND", "Macro not found", { field: "macroId" });
  return row;
};

/** The macros agents pick from, by title; archived ones only when asked (the management page). */
export const listMacros = (ctx: ServiceContext, input: { includeArchived: boolean }) =>
  ctx.db
    .select()
    .from(supportMacros)
    .where(input.includeArchived ? undefined : isNull(supportMacros.archivedAt))
    .orderBy(asc(supportMacros.title), asc(supportMacros.id));

export const createMacro = (ctx: ServiceContext, input: MacroFields) =>
  ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(supportMacros)
      .values({ ...input, createdBy: ctx.actor?.userId ?? null, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error("the macro insert returned no row");
    await recordEvent(tx, ctx, {
      action: "support.macro_created",
      organizationId: null,
      targetType: "support_macro",
      targetId: row.id,
      after: snapshot(row),
    });
    return row;
  });

export const updateMacro = (ctx: ServiceContext, input: z.output<typeof UpdateMacroInput>) =>
  ctx.db.transaction(async (tx) => {
    const { macroId, ...fields } = input;
    const current = await findLiveMacro(tx, macroId);
    const [row] = await tx
      .update(supportMacros)
      .set({ ...fields, updatedAt: ctx.clock.now() })
      .where(and(eq(supportMacros.id, macroId), isNull(supportMacros.archivedAt)))
      .returning();
    if (!row) throw new DomainError("NOT_FOUND", "Macro not found", { field: "macroId" });
    const changes = diff(snapshot(current), snapshot(row));
    await recordEvent(tx, ctx, {
      action: "support.macro_updated",
      organizationId: null,
      targetType: "support_macro",
      targetId: row.id,
      ...changes,
    });
    return row;
  });

/** Soft: the row stays (audit entries point at it), agents no longer see or apply it. */
export const archiveMacro = (ctx: ServiceContext, macroId: string) =>
  ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .update(supportMacros)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(eq(supportMacros.id, macroId), isNull(supportMacros.archivedAt)))
      .returning();
    if (!row) throw new DomainError("NOT_FOUND", "Macro not found", { field: "macroId" });
    await recordEvent(tx, ctx, {
      action: "support.macro_archived",
      organizationId: null,
      targetType: "support_macro",
      targetId: row.id,
      before: { archived: false },
      after: { archived: true },
    });
    return row;
  });
