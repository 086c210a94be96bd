import { notifications } from "@tessera/db/schema";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const unreadOf = async (userId: string) =>
  (
    await h.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  ).length;

describe("support.markAllNotificationsRead", () => {
  it("reads every unread notice of the caller and none of anyone else's", async () => {
    await h.newNotification("staffAdmin");
    await h.newNotification("staffAdmin");
    await h.newNotification("staffSupport");
    const admin = await h.caller("staffAdmin");
    const before = (await admin.support.notifications({})).unread;
    expect(before).toBeGreaterThanOrEqual(2);
    const otherUnread = await unreadOf(h.userIds.staffSupport);

    expect(await admin.support.markAllNotificationsRead()).toEqual({ marked: before });

    expect((await admin.support.notifications({})).unread).toBe(0);
    expect(await unreadOf(h.userIds.staffSupport)).toBe(otherUnread);
    expect(otherUnread).toBeGreaterThan(0);
  });

  it("leaves the read time of notices already read as it was", async () => {
    const id = await h.newNotification("staffViewer");
    const viewer = await h.caller("staffViewer");
    const first = await viewer.support.markNotificationRead({ notificationId: id });
    h.clock.advance(60_000);
    expect(await viewer.support.markAllNotificationsRead()).toEqual({ marked: 0 });
    const [row] = await h.db.select().from(notifications).where(eq(notifications.id, id));
    expect(row?.readAt).toEqual(first.readAt);
  });
});
