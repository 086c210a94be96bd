import type { Transaction } from "@tessera/db";
import { invitations, organizations, users } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { randomToken, sha256 } from "../auth/tokens.ts";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { queueMail } from "../mail/queue.ts";
import { lockOrganizationFor } from "../quotas/organization-lock.ts";

/** How long an invitation's link works. */
const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/** The staff team's stand-in for an organisation id in locks (the unique index folds null the same way). */
const STAFF_TEAM = "00000000-0000-0000-0000-000000000000";

/** Whose invitations: an organisation's (customer users) or Tessera's staff. */
export type InvitationScope =
  | { kind: "CUSTOMER"; organizationId: string }
  | { kind: "STAFF"; organizationId: null };

export const staffScope: InvitationScope = { kind: "STAFF", organizationId: null };
export const customerScope = (organizationId: string): InvitationScope => ({
  kind: "CUSTOMER",
  organizationId,
});

interface Invitee {
  email: string;
  name?: string | undefined;
  role: "OWNER" | "ADMIN" | "MEMBER" | "SUPPORT" | "VIEWER";
}

/** What readers of pending invitations see: never the token's hash. */
const invitationColumns = {
  id: invitations.id,
  kind: invitations.kind,
  organizationId: invitations.organizationId,
  email: invitations.email,
  name: invitations.name,
  role: invitations.role,
  invitedBy: invitations.invitedBy,
  expiresAt: invitations.expiresAt,
  createdAt: invitations.createdAt,
  updatedAt: invitations.updatedAt,
};
type Invitation = { [Key in keyof typeof invitationColumns]: (typeof invitations.$inferSelect)[Key] };

const inScope = (scope: InvitationScope): SQL | undefined =>
  scope.organizationId === null
    ? and(eq(invitations.kind, "STAFF"), isNull(invitations.organizationId))
    : and(eq(invitations.kind, "CUSTOMER"), eq(invitations.organizationId, scope.organizationId));

/** Neither accepted nor revoked (an expired one is still open: it can be resent or revoked). */
export const openInvitation = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/** The invitation mail with its one-time link, queued in the caller's transaction. */
const mailInvitation = async (
  tx: Transaction,
  ctx: ServiceContext,
  invitation: Invitation,
  token: string,
) => {
  const [organization] = invitation.organizationId
    ? await tx
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, invitation.organizationId))
    : [];
  await queueMail(tx, ctx.clock.now(), {
    template: "invitation",
    data: {
      inviterName: ctx.actor?.name ?? "Tessera",
      organizationName: organization?.name ?? null,
      role: invitation.role,
      token,
    },
    to: [{ email: invitation.email }],
    organizationId: invitation.organizationId,
    category: "TEAM",
  });
};

const notPending = () =>
  new DomainError("NOT_FOUND", "Invitation not found or no longer pending", { field: "invitationId" });

/**
 * Invite someone into the scope's team inside the caller's transaction, and mail them a fresh
 * link. Inviting an address that already has an open invitation replaces it (new role, new link:
 * the old link stops working), under a lock on (team, address) so two invites make one row.
 */
export const issueInvitation = async (
  tx: Transaction,
  ctx: ServiceContext,
  scope: InvitationScope,
  invitee: Invitee,
) => {
  await lockOrganizationFor(tx, scope.organizationId ?? STAFF_TEAM, `invite:${invitee.email}`);
  const token = randomToken();
  const now = ctx.clock.now();
  const fields = {
    name: invitee.name ?? null,
    role: invitee.role,
    tokenHash: sha256(token),
    invitedBy: ctx.actor?.userId ?? null,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    updatedAt: now,
  };
  const [current] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(inScope(scope), eq(invitations.email, invitee.email), openInvitation));
  const [invitation] = current
    ? await tx
        .update(invitations)
        .set(fields)
        .where(eq(invitations.id, current.id))
        .returning(invitationColumns)
    : await tx
        .insert(invitations)
        .values({
          ...fields,
          kind: scope.kind,
          organizationId: scope.organizationId,
          email: invitee.email,
          createdAt: now,
        })
        .returning(invitationColumns);
  if (!invitation) throw new Error("invitation write returned no row");
  await recordEvent(tx, ctx, {
    action: "invitation.created",
    organizationId: scope.organizationId,
    targetType: "invitation",
    targetId: invitation.id,
    after: { email: invitation.email, role: invitation.role, kind: invitation.kind },
  });
  await mailInvitation(tx, ctx, invitation, token);
  return invitation;
};

/** A new link for a pending invitation (and 7 more days); the old link stops working. */
export const reissueInvitation = async (
  tx: Transaction,
  ctx: ServiceContext,
  scope: InvitationScope,
  invitationId: string,
) => {
  const token = randomToken();
  const now = ctx.clock.now();
  const [invitation] = await tx
    .update(invitations)
    .set({ tokenHash: sha256(token), expiresAt: new Date(now.getTime() + INVITATION_TTL_MS), updatedAt: now })
    .where(and(eq(invitations.id, invitationId), inScope(scope), openInvitation))
    .returning(invitationColumns);
  if (!invitation) throw notPending();
  await recordEvent(tx, ctx, {
    action: "invitation.resent",
    organizationId: scope.organizationId,
    targetType: "invitation",
    targetId: invitation.id,
    after: { email: invitation.email },
  });
  await mailInvitation(tx, ctx, invitation, token);
  return invitation;
};

/** Withdraw a pending invitation: its link stops working. */
export const withdrawInvitation = async (
  tx: Transaction,
  ctx: ServiceContext,
  scope: InvitationScope,
  invitationId: string,
) => {
  const now = ctx.clock.now();
  const [invitation] = await tx
    .update(invitations)
    .set({ revokedAt: now, updatedAt: now })
    .where(and(eq(invitations.id, invitationId), inScope(scope), openInvitation))
    .returning(invitationColumns);
  if (!invitation) throw notPending();
  await recordEvent(tx, ctx, {
    action: "invitation.revoked",
    organizationId: scope.organizationId,
    targetType: "invitation",
    targetId: invitation.id,
    before: { email: invitation.email, role: invitation.role },
  });
  return invitation;
};

/** The team's open invitations, newest first, with who sent them; `expired` ones can be resent. */
export const pendingInvitations = async (ctx: ServiceContext, scope: InvitationScope) => {
  const rows = await ctx.db
    .select({ ...invitationColumns, invitedByName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(inScope(scope), openInvitation))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(200);
  const now = ctx.clock.now().getTime();
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now }));
};
