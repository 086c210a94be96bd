import type { Executor } from "@tessera/db";
import { organizations, users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";

/** A person's role changed or their account was disabled: they hear of it (not of their own change). */
export const mailTeamChange = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  const change =
    event.action === "user.disabled"
      ? "disabled"
      : event.action === "user.role_changed" && event.after?.role
        ? "role_changed"
        : null;
  if (!change || !event.organizationId || !event.targetId || ctx.actor?.userId === event.targetId) return;
  // read whatever its state: a disabled account still gets the mail saying so
  const [person] = await executor
    .select({ email: users.email, role: users.role, organizationName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, event.targetId));
  if (!person) return;
  await queueMail(executor, ctx.clock.now(), {
    template: "team-change",
    data: {
      organizationName: person.organizationName,
      change,
      role: change === "disabled" ? null : person.role,
    },
    to: [{ email: person.email, userId: event.targetId }],
    organizationId: event.organizationId,
    category: "TEAM",
  });
};
