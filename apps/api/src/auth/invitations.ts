import type { Transaction } from "@tessera/db";
import { invitations, organizations, users } from "@tessera/db/schema";
import { type AcceptInvitationInput, type CustomerRole, DomainError } from "@tessera/domain";
import { and, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { openInvitation } from "../team/invitation-store.ts";
import { insertIfEmailFree } from "../team/service.ts";
import { hashPassword } from "./password.ts";
import { assertPasswordAcceptable } from "./password-policy.ts";
import { startSession } from "./service.ts";
import { sha256 } from "./tokens.ts";

const inviter = alias(users, "inviter");

const linkInvalid = (message: string) => new DomainError("LINK_INVALID", message, { field: "token" });
const SIGN_IN_INSTEAD = "This invitation can no longer be used — sign in instead";

const accountExists = async (executor: ServiceContext["db"] | Transaction, email: string) => {
  const [user] = await executor
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return user !== undefined;
};

/** The invitation a link's token names, with its organisation and inviter; LINK_INVALID saying why not. */
const usableInvitation = async (ctx: ServiceContext, token: string) => {
  const [row] = await ctx.db
    .select({
      invitation: invitations,
      organizationName: organizations.name,
      inviterName: inviter.name,
    })
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, sha256(token)));
  if (!row)
    throw linkInvalid(
      "This link is not valid (a newer invitation replaces an older one) — ask for a new one",
    );
  const { invitation } = row;
  if (invitation.acceptedAt) throw linkInvalid("This invitation has already been used — sign in instead");
  if (invitation.revokedAt) throw linkInvalid("This invitation was withdrawn — ask for a new one");
  if (invitation.expiresAt <= ctx.clock.now()) throw linkInvalid("This link has expired — ask for a new one");
  if (await accountExists(ctx.db, invitation.email)) throw linkInvalid(SIGN_IN_INSTEAD);
  return row;
};

/** What the accept page shows before the invitee chooses a password. */
export const describeInvitation = async (ctx: ServiceContext, token: string) => {
  const { invitation, organizationName, inviterName } = await usableInvitation(ctx, token);
  return {
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    kind: invitation.kind,
    organizationName,
    invitedBy: inviterName ?? "Tessera",
    expiresAt: invitation.expiresAt,
  };
};

type Claimed = typeof invitations.$inferSelect;

/** The invitee's account, inside the transaction that claimed the invitation; null when the address got one meanwhile. */
const createInvitee = async (
  tx: Transaction,
  ctx: ServiceContext,
  invitation: Claimed,
  person: { name: string; passwordHash: string },
) => {
  if (invitation.kind === "CUSTOMER" && invitation.organizationId) {
    return insertIfEmailFree(tx, ctx, invitation.organizationId, {
      email: invitation.email,
      role: invitation.role as CustomerRole,
      ...person,
    });
  }
  const now = ctx.clock.now();
  const [created] = await tx
    .insert(users)
    .values({
      email: invitation.email,
      ...person,
      kind: "STAFF",
      role: invitation.role,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (created) {
    await recordEvent(tx, ctx, {
      action: "user.created",
      organizationId: null,
      targetType: "user",
      targetId: created.id,
      after: created,
    });
  }
  return created ?? null;
};

/**
 * Accept an invitation: the password policy first, then, in one transaction, the invitation is
 * claimed by a conditional update (of two concurrent accepts one claims it, the other finds it
 * used) and the account made; then the new user is signed in as `signIn` would. Any refusal
 * leaves the invitation and the users as they were.
 */
export const acceptInvitation = async (
  deps: Pick<AppDeps, "config">,
  ctx: ServiceContext & { userAgent: string | null },
  input: z.output<typeof AcceptInvitationInput>,
) => {
  const { invitation } = await usableInvitation(ctx, input.token);
  await assertPasswordAcceptable(input.password, { email: invitation.email, name: input.name }, "password");
  const passwordHash = await hashPassword(input.password);
  const userId = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now, updatedAt: now })
      .where(
        and(
          eq(invitations.id, invitation.id),
          eq(invitations.tokenHash, invitation.tokenHash),
          openInvitation,
          gt(invitations.expiresAt, now),
        ),
      )
      .returning();
    if (!claimed) throw linkInvalid("This invitation has already been used — sign in instead");
    const created = await createInvitee(tx, ctx, claimed, { name: input.name, passwordHash });
    if (!created) throw linkInvalid(SIGN_IN_INSTEAD);
    await recordEvent(
      tx,
      { ...ctx, system: "invitation" },
      {
        action: "invitation.accepted",
        organizationId: claimed.organizationId,
        targetType: "invitation",
        targetId: claimed.id,
        after: { userId: created.id, email: claimed.email, role: claimed.role },
      },
    );
    return created.id;
  });
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error("the accepted invitation's user is gone");
  return startSession(deps, ctx, user, "password");
};
