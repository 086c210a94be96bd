import type { Transaction } from "@tessera/db";
import { invitations, users } from "@tessera/db/schema";
import { DomainError, type InviteMemberInput, type InviteStaffInput } from "@tessera/domain";
import { and, asc, count, eq, gt, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { requireQuota } from "../quotas/organization-lock.ts";
import {
  customerScope,
  type InvitationScope,
  issueInvitation,
  openInvitation,
  pendingInvitations,
  reissueInvitation,
  staffScope,
  withdrawInvitation,
} from "./invitation-store.ts";
import { assertMayGrant, requireOrganization } from "./service.ts";

/** Only the caller's own team may be told an address is taken: that is their own data. */
const alreadyInTeam = (email: string, team: string) =>
  new DomainError("CONFLICT", `${email} is already a member of ${team}`, { field: "email" });

const memberOfTeam = async (tx: Transaction, scope: InvitationScope, email: string) => {
  const [member] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(sql`lower(${users.email})`, email),
        scope.organizationId === null
          ? eq(users.kind, "STAFF")
          : eq(users.organizationId, scope.organizationId),
      ),
    );
  return member !== undefined;
};

/**
 * A customer admin invites someone into their own organisation. Whether the address has an
 * account elsewhere changes nothing in the answer (the invitation is made and mailed; accepting
 * it then says to sign in instead); only a member of this organisation answers CONFLICT. The
 * team-member quota counts members and the other pending, unexpired invitations.
 */
export const inviteMember = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof InviteMemberInput>,
) => {
  assertMayGrant(ctx, input.role, "role");
  const scope = customerScope(organizationId);
  return ctx.db.transaction(async (tx) => {
    await requireOrganization(tx, organizationId);
    if (await memberOfTeam(tx, scope, input.email)) throw alreadyInTeam(input.email, "this organisation");
    await requireQuota(tx, organizationId, "TEAM_MEMBERS", "email", async () => {
      const [members] = await tx
        .select({ total: count() })
        .from(users)
        .where(eq(users.organizationId, organizationId));
      const [invited] = await tx
        .select({ total: count() })
        .from(invitations)
        .where(
          and(
            eq(invitations.organizationId, organizationId),
            openInvitation,
            gt(invitations.expiresAt, ctx.clock.now()),
            ne(invitations.email, input.email),
          ),
        );
      return (members?.total ?? 0) + (invited?.total ?? 0);
    });
    return issueInvitation(tx, ctx, scope, input);
  });
};

/** A staff admin invites a colleague; a customer account with the address is not told apart. */
export const inviteStaff = (ctx: ServiceContext, input: z.output<typeof InviteStaffInput>) =>
  ctx.db.transaction(async (tx) => {
    if (await memberOfTeam(tx, staffScope, input.email)) throw alreadyInTeam(input.email, "the staff team");
    return issueInvitation(tx, ctx, staffScope, input);
  });

export const listInvitations = (ctx: ServiceContext, scope: InvitationScope) =>
  pendingInvitations(ctx, scope);

export const resendInvitation = (ctx: ServiceContext, scope: InvitationScope, invitationId: string) =>
  ctx.db.transaction((tx) => reissueInvitation(tx, ctx, scope, invitationId));

export const revokeInvitation = (ctx: ServiceContext, scope: InvitationScope, invitationId: string) =>
  ctx.db.transaction((tx) => withdrawInvitation(tx, ctx, scope, invitationId));

/** Every staff user, disabled ones included, for the console's team page. */
export const listStaffTeam = (ctx: ServiceContext) =>
  ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.kind, "STAFF"))
    .orderBy(asc(users.name), asc(users.id));
