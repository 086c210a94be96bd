import { apiKeys, auditEvents, invitations, licenses, tickets, users } from "@tessera/db/schema";
import {
  auditActionLabel,
  auditTargetTypeLabel,
  formatTicketNumber,
  licenseLabel,
  type Tier,
} from "@tessera/domain";
import { type AnyColumn, and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

/*
 * The names an audit entry points at, joined in the list's one statement (no lookup per row).
 * A record is named only when it belongs to the entry's organisation (or, for staff records,
 * to none), so a customer's own log, filtered to its organisation, never joins another's rows.
 */

export const actor = alias(users, "audit_actor");
export const targetUser = alias(users, "audit_target_user");

const UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

/** The entry's target id as a uuid when it names a record of this type (a CASE: no cast of other ids). */
const targetUuid = (type: string) =>
  sql`(case when ${auditEvents.targetType} = ${type} and ${auditEvents.targetId} ~* ${UUID} then ${auditEvents.targetId}::uuid end)`;

const sameTenant = (column: AnyColumn) => sql`${column} is not distinct from ${auditEvents.organizationId}`;

/** Join conditions, one per named table. */
export const joinOn = {
  license: and(eq(licenses.id, targetUuid("license")), sameTenant(licenses.organizationId)),
  ticket: and(eq(tickets.id, targetUuid("ticket")), sameTenant(tickets.organizationId)),
  user: and(eq(targetUser.id, targetUuid("user")), sameTenant(targetUser.organizationId)),
  invitation: and(eq(invitations.id, targetUuid("invitation")), sameTenant(invitations.organizationId)),
  apiKey: and(eq(apiKeys.id, targetUuid("api_key")), sameTenant(apiKeys.organizationId)),
  /** The actor's name: any user for staff; for a customer, only users of its own organisation. */
  actor: (scopeOrganizationId: string | null) =>
    and(
      eq(actor.id, auditEvents.actorUserId),
      scopeOrganizationId ? eq(actor.organizationId, scopeOrganizationId) : undefined,
    ),
};

/** The joined columns the names are made of. */
export const nameColumns = {
  actorName: actor.name,
  licenseTier: licenses.tier,
  ticketNumber: tickets.number,
  ticketSubject: tickets.subject,
  targetUserName: targetUser.name,
  invitationEmail: invitations.email,
  apiKeyName: apiKeys.name,
};

interface NamedRow {
  action: string;
  targetType: string;
  targetId: string | null;
  organizationId: string | null;
  organizationName: string | null;
  licenseTier: Tier | null;
  ticketNumber: number | null;
  ticketSubject: string | null;
  targetUserName: string | null;
  invitationEmail: string | null;
  apiKeyName: string | null;
}

/** The target as people call it, or null when it is not one of the named kinds (or is gone). */
const recordName = (row: NamedRow): string | null => {
  if (row.licenseTier && row.organizationName) return licenseLabel(row.organizationName, row.licenseTier);
  if (row.ticketNumber !== null)
    return `${formatTicketNumber(row.ticketNumber)} ${row.ticketSubject ?? ""}`.trim();
  if (row.targetType === "organization" && row.targetId === row.organizationId) return row.organizationName;
  return row.targetUserName ?? row.invitationEmail ?? row.apiKeyName;
};

/** An entry with its action in words and its target named, without the raw joined columns. */
export const withNames = <Row extends NamedRow>(row: Row) => {
  const {
    licenseTier: _tier,
    ticketNumber: _number,
    ticketSubject: _subject,
    targetUserName: _user,
    invitationEmail: _email,
    apiKeyName: _key,
    ...entry
  } = row;
  const named = recordName(row);
  return {
    ...entry,
    actionLabel: auditActionLabel(row.action),
    targetLabel: named ?? auditTargetTypeLabel(row.targetType),
    /** Whether targetLabel names the record itself (a link can open it) or only its kind. */
    targetNamed: named !== null,
  };
};
