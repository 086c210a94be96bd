import { notifications } from "@tessera/db/schema";
import { DomainError, pageOffset, toPage } from "@tessera/domain";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";

/** A staff user's notices, newest first; unread ones carry `readAt: null`. */
export const listNotifications = async (
  ctx: ServiceContext,
  userId: string,
  page: { page: number; pageSize: number },
) => {
  const where = eq(notifications.userId, userId);
  const [items, totals, unread] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt))
      .limit(page.pageSize)
      .offset(pageOffset(page.page, page.pageSize)),
    ctx.db.select({ total: count() }).from(notifications).where(where),
    ctx.db
      .select({ total: count() })
      .from(notifications)
      .where(and(where, isNull(notifications.readAt))),
  ]);
  return { ...toPage(items, totals[0]?.total ?? 0, page.page, page.pageSize), unread: unread[0]?.total ?? 0 };
};

export const markNotificationRead = async (ctx: ServiceContext, userId: string, notificationId: string) => {
  const now = ctx.clock.now();
  const [updated] = await ctx.db
    .update(notifications)
    .set({ readAt: now, updatedAt: now })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .returning();
  if (!updated) throw new DomainError("NOT_FOUND", "Notification not found", { field: "notificationId" });
  return updated;
};

/** Marks every unread notice of this user read; others' notices are never touched. Returns how many. */
export const markAllNotificationsRead = async (ctx: ServiceContext, userId: string) => {
  const now = ctx.clock.now();
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: now, updatedAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: updated.length };
};
