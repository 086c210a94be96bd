import { licenses as licensesTable, mailOutbox, ssoDomains, supportTeams } from "@tessera/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { appRouter } from "../src/router.ts";
import { setCustomDomain } from "../src/white-label/domains.ts";
import { addSsoDomain } from "../src/white-label/sso-domains.ts";
import { enableSSO } from "../src/white-label/sso-settings.ts";
import {
  callPath,
  createTestHarness,
  errorCode,
  PERSONAS,
  type Persona,
  SESSIONLESS,
  SINGLE_SCOPE_KEYS,
  type TestHarness,
} from "./harness.ts";
import { newSession, spareUser, totpCode, withMfa, withoutMfa } from "./support/account-fixtures.ts";
import { foreignIds, scimTokenOf } from "./support/foreign-ids.ts";
import { idFieldsOf } from "./support/input-id-fields.ts";
import { newInvitation, newResetToken } from "./support/invitation-fixtures.ts";
import { newMacro, resolvedTicket } from "./support/macro-fixtures.ts";
import { fingerprintOf, idsOwnedBy, tenantTraces } from "./support/tenant-data.ts";

/**
 * The authorisation matrix: every procedure of appRouter, who may call it, and an input
 * that succeeds for those who may. A procedure added without an entry fails this file.
 */
type Entry = {
  allowed: Persona[];
  input?: (h: TestHarness, persona: Persona) => unknown | Promise<unknown>;
  /** For customer procedures that take ids: calling with organisation A's ids as ownerB must answer NOT_FOUND. */
  crossTenant?: (h: TestHarness) => unknown | Promise<unknown>;
  /** Calls that end the caller's session get a session of their own. */
  ownSession?: boolean;
  /** Accepts a Bearer key: a key of the wrong kind or scope is FORBIDDEN rather than unauthenticated. */
  keyAuth?: boolean;
  /** Only a Bearer key will do: a session is no credential here. */
  keyOnly?: boolean;
  /**
   * What an allowed caller gets when authorisation passes but a business rule answers, e.g.
   * TIER_FEATURE_REQUIRED for a tier without the feature. Default OK.
   */
  allowedCode?: (persona: Persona) => string;
};

/** How a refused call answers: no credentials at all 401, the wrong credentials 403. */
const refusal = (entry: Entry, persona: Persona) => {
  if (persona === "anonymous") return "UNAUTHENTICATED";
  if (entry.keyOnly) return SESSIONLESS.includes(persona) ? "FORBIDDEN" : "UNAUTHENTICATED";
  if (SESSIONLESS.includes(persona)) return entry.keyAuth ? "FORBIDDEN" : "UNAUTHENTICATED";
  return "FORBIDDEN";
};

/** Every persona, with the single-scope keys that catch a scope check switched off. */
const EVERYONE: Persona[] = [...PERSONAS, ...SINGLE_SCOPE_KEYS];
const STAFF: Persona[] = ["staffAdmin", "staffSupport", "staffViewer"];
const CUSTOMERS: Persona[] = ["ownerA", "adminA", "memberA", "ownerB"];
const CUSTOMER_ADMINS: Persona[] = ["ownerA", "adminA", "ownerB"];
const STAFF_ADMIN_OR_SERVICE: Persona[] = ["staffAdmin", "serviceKey", "serviceKeyWrite"];
/** Who acts for one organisation: its people and its platform's keys (all of A). */
const CUSTOMER_SIDE: Persona[] = [...CUSTOMERS, "orgKeyA", "orgKeyUsage", "orgKeyLicense", "orgKeyTickets"];
const ALL_SESSIONS: Persona[] = [...STAFF, ...CUSTOMERS];
const newRange = () => ({ from: "2026-05-01", to: "2026-06-30" });
const pastRange = () => ({ from: "2026-05-01", to: "2026-06-01" });
const ownLicense = (h: TestHarness, persona: Persona) =>
  persona === "ownerB" ? h.licenseB.id : h.licenseA.id;
/** The persona's user id, or "" for those without a session. */
const userOf = (h: TestHarness, persona: Persona): string =>
  h.userIds[persona as keyof TestHarness["userIds"]] ?? "";
const orgOf = (h: TestHarness, persona: Persona) => (persona === "ownerB" ? h.orgB.id : h.orgA.id);
/** Organisation A (PROFESSIONAL) succeeds; B (STARTER) gets `codeForB`. */
const onlyA = (codeForB: string) => (persona: Persona) => (persona === "ownerB" ? codeForB : "OK");
/** A 1×1 PNG. */
const TINY_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
/** A team counting around the clock, so tickets other entries open keep their 24×7 due times. */
const supportTeamInput = (name: string) => ({
  name,
  businessHours: false,
  timeZone: "Europe/Berlin",
  weeklyHours: {
    MON: [{ start: "09:00", end: "17:00" }],
    TUE: [],
    WED: [],
    THU: [],
    FRI: [],
    SAT: [],
    SUN: [],
  },
  holidays: [],
});
const newSupportTeam = async (h: TestHarness) => {
  const [team] = await h.db
    .insert(supportTeams)
    .values({ name: `Team ${next()}` })
    .returning({ id: supportTeams.id });
  return team?.id ?? "";
};
let unique = 0;
const next = () => `${Date.now().toString(36)}-${unique++}`;

const MATRIX: Record<string, Entry> = {
  "auth.signIn": {
    allowed: EVERYONE,
    input: () => ({ email: "admin@staff.test", password: "correct-horse-battery" }),
  },
  "auth.signOut": { allowed: ALL_SESSIONS, ownSession: true },
  // A made-up challenge: authorisation passes (anyone may try) and the challenge is refused.
  "auth.verifyMfa": {
    allowed: EVERYONE,
    input: () => ({ challenge: "no-such-challenge", code: "123456" }),
    allowedCode: () => "MFA_CHALLENGE_INVALID",
  },
  // The right current password and a guessable new one: past every check but the policy, changing nothing.
  "auth.changePassword": {
    allowed: ALL_SESSIONS,
    input: () => ({ currentPassword: "correct-horse-battery", newPassword: "password1234" }),
    allowedCode: () => "WEAK_PASSWORD",
  },
  "auth.mfa.status": { allowed: ALL_SESSIONS },
  "auth.mfa.beginEnrolment": {
    allowed: ALL_SESSIONS,
    input: async (h, persona) => {
      if (userOf(h, persona)) await withoutMfa(h, userOf(h, persona));
    },
  },
  "auth.mfa.confirmEnrolment": {
    allowed: ALL_SESSIONS,
    input: async (h, persona) => {
      if (!userOf(h, persona)) return { code: "123456" };
      await withoutMfa(h, userOf(h, persona));
      const { secret } = await (await h.caller(persona)).auth.mfa.beginEnrolment();
      return { code: totpCode(h, secret) };
    },
  },
  "auth.mfa.disable": {
    allowed: ALL_SESSIONS,
    input: async (h, persona) => {
      if (userOf(h, persona)) await withMfa(h, userOf(h, persona));
      return { password: "correct-horse-battery" };
    },
  },
  "auth.mfa.regenerateRecoveryCodes": {
    allowed: ALL_SESSIONS,
    input: async (h, persona) => ({
      code: userOf(h, persona) ? (await withMfa(h, userOf(h, persona))).code : "123456",
    }),
  },
  "auth.mfa.organizationRequirement": { allowed: CUSTOMERS },
  // Switching it off (already off) succeeds for any admin; switching on asks for their own MFA (mfa.test.ts).
  "auth.mfa.setOrganizationRequirement": { allowed: CUSTOMER_ADMINS, input: () => ({ required: false }) },
  "auth.sessions.list": { allowed: ALL_SESSIONS },
  "auth.sessions.revoke": {
    allowed: ALL_SESSIONS,
    input: async (h, persona) => ({
      sessionId: (await newSession(h, userOf(h, persona) || h.userIds.staffViewer)).id,
    }),
    // Someone else's session is NOT_FOUND, as if it did not exist.
    crossTenant: async (h) => ({ sessionId: (await newSession(h, h.userIds.memberA)).id }),
  },
  "auth.sessions.revokeOthers": { allowed: ALL_SESSIONS },
  "auth.sessions.revokeAllForUser": {
    allowed: ["staffAdmin", ...CUSTOMER_ADMINS],
    input: async (h, persona) => ({
      userId: (await spareUser(h, STAFF.includes(persona) ? null : orgOf(h, persona))).id,
    }),
    crossTenant: async (h) => ({ userId: (await spareUser(h, h.orgA.id)).id }),
  },
  "apiKeys.mine": { allowed: CUSTOMER_ADMINS },
  "apiKeys.createMine": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ name: "platform", scopes: ["usage:write"] }),
  },
  "apiKeys.revokeMine": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({
      apiKeyId: (
        await createApiKey(h.system, {
          organizationId: persona === "ownerB" ? h.orgB.id : h.orgA.id,
          name: "old",
          scopes: ["usage:write"],
        })
      ).id,
    }),
    crossTenant: (h) => ({ apiKeyId: h.orgKeyA.id }),
  },
  "apiKeys.list": { allowed: ["staffAdmin"], input: (h) => ({ organizationId: h.orgA.id }) },
  "apiKeys.create": {
    allowed: ["staffAdmin"],
    input: (h) => ({ organizationId: h.orgB.id, name: "by staff", scopes: ["license:read"] }),
  },
  "apiKeys.revoke": {
    allowed: ["staffAdmin"],
    input: async (h) => ({
      organizationId: h.orgB.id,
      apiKeyId: (
        await createApiKey(h.system, { organizationId: h.orgB.id, name: "x", scopes: ["usage:write"] })
      ).id,
    }),
  },
  "scimTokens.list": { allowed: CUSTOMER_ADMINS },
  "scimTokens.create": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ name: "Okta" }),
    allowedCode: onlyA("TIER_FEATURE_REQUIRED"),
  },
  "scimTokens.revoke": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({ scimTokenId: await scimTokenOf(h, orgOf(h, persona)) }),
    crossTenant: async (h) => ({ scimTokenId: await scimTokenOf(h, h.orgA.id) }),
  },
  "scimTokens.organizationTokens": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "scimTokens.revokeOrganizationToken": {
    allowed: ["staffAdmin"],
    input: async (h) => ({ organizationId: h.orgB.id, scimTokenId: await scimTokenOf(h, h.orgB.id) }),
  },
  "usage.track": {
    allowed: ["orgKeyA", "orgKeyUsage"],
    keyOnly: true,
    input: () => ({ metric: "API_CALLS", value: 1, idempotencyKey: `matrix-${next()}` }),
  },
  "usage.trackBatch": {
    allowed: ["orgKeyA", "orgKeyUsage"],
    keyOnly: true,
    input: () => ({ events: [{ metric: "COURSES", value: 3, idempotencyKey: `matrix-${next()}` }] }),
  },
  "usage.current": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "usage.limits": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "usage.report": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id, ...newRange() }) },
  "usage.reportCsv": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id, ...newRange() }) },
  "usage.stats": { allowed: STAFF, input: () => ({}) },
  "usage.alerts": { allowed: STAFF, input: () => ({}) },
  "usage.acknowledgeAlert": {
    allowed: ["staffAdmin", "staffSupport"],
    input: async (h) => ({ alertId: await h.newAlert(h.orgA.id) }),
  },
  "usage.myCurrent": { allowed: CUSTOMERS },
  "usage.myLimits": { allowed: CUSTOMERS },
  // a customer's range ends by today (the harness clock's 2026-06-01)
  "usage.myReport": { allowed: CUSTOMERS, input: () => pastRange() },
  "usage.myReportCsv": { allowed: CUSTOMERS, input: () => pastRange() },
  "usage.myMonths": { allowed: CUSTOMERS },
  "usage.myAlerts": { allowed: CUSTOMERS, input: () => ({}) },
  "usage.acknowledgeMyAlert": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({
      alertId: await h.newAlert(persona === "ownerB" ? h.orgB.id : h.orgA.id),
    }),
    crossTenant: async (h) => ({ alertId: await h.newAlert(h.orgA.id) }),
  },
  "auth.me": { allowed: EVERYONE },
  "organizations.list": { allowed: STAFF, input: () => ({ search: "org" }) },
  "organizations.get": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "organizations.create": {
    allowed: ["staffAdmin"],
    input: () => {
      const id = next();
      return { name: `New ${id}`, slug: `new-${id}`, contactName: "Pat", contactEmail: `pat-${id}@new.test` };
    },
  },
  "organizations.update": {
    allowed: ["staffAdmin"],
    input: (h) => ({ organizationId: h.orgA.id, contactName: "Updated Contact" }),
  },
  "licenses.trend": { allowed: STAFF, input: () => ({ months: 6 }) },
  "usage.trend": { allowed: STAFF, input: () => ({ months: 6 }) },
  "organizations.health": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "organizations.staffUsers": { allowed: STAFF },
  "organizations.users": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "organizations.inviteUser": {
    allowed: ["staffAdmin"],
    input: (h) => ({
      organizationId: h.orgA.id,
      name: "Invited By Staff",
      email: `staff-invited-${next()}@a.test`,
      role: "MEMBER",
    }),
  },
  "organizations.updateUser": {
    allowed: ["staffAdmin"],
    input: (h) => ({ userId: h.userIds.memberA, role: "MEMBER" }),
  },
  "organizations.mine": { allowed: CUSTOMERS },
  "organizations.myHealth": { allowed: CUSTOMERS },
  "organizations.updateMine": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ contactPhone: "+44 20 7946 0999" }),
  },
  "team.list": { allowed: CUSTOMERS, input: () => ({}) },
  "team.invite": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ name: "New Member", email: `member-${next()}@team.test` }),
  },
  "team.invitations": { allowed: CUSTOMER_ADMINS },
  "team.resendInvitation": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({ invitationId: (await newInvitation(h, orgOf(h, persona))).id }),
    crossTenant: async (h) => ({ invitationId: (await newInvitation(h, h.orgA.id)).id }),
  },
  "team.revokeInvitation": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({ invitationId: (await newInvitation(h, orgOf(h, persona))).id }),
    crossTenant: async (h) => ({ invitationId: (await newInvitation(h, h.orgA.id)).id }),
  },
  "staffTeam.list": { allowed: ["staffAdmin"] },
  "staffTeam.invitations": { allowed: ["staffAdmin"] },
  "staffTeam.invite": {
    allowed: ["staffAdmin"],
    input: () => ({ email: `colleague-${next()}@staff.test`, role: "SUPPORT" }),
  },
  "staffTeam.resendInvitation": {
    allowed: ["staffAdmin"],
    input: async (h) => ({ invitationId: (await newInvitation(h, null)).id }),
  },
  "staffTeam.revokeInvitation": {
    allowed: ["staffAdmin"],
    input: async (h) => ({ invitationId: (await newInvitation(h, null)).id }),
  },
  "auth.invitation": {
    allowed: EVERYONE,
    input: async (h) => ({ token: (await newInvitation(h, h.orgB.id)).token }),
  },
  "auth.acceptInvitation": {
    allowed: EVERYONE,
    input: async (h) => ({
      token: (await newInvitation(h, h.orgB.id)).token,
      name: "Invited Person",
      password: "correct-horse-battery",
    }),
  },
  "auth.requestPasswordReset": {
    allowed: EVERYONE,
    input: () => ({ email: `someone-${next()}@reset.test` }),
  },
  "auth.resetPassword": {
    allowed: EVERYONE,
    input: async (h) => ({
      token: (await newResetToken(h, h.orgB.id)).token,
      password: "a fresh passphrase of words",
    }),
  },
  "team.changeRole": {
    allowed: CUSTOMER_ADMINS,
    input: (h, persona) =>
      persona === "ownerB"
        ? { userId: h.userIds.ownerB, role: "OWNER" }
        : { userId: h.userIds.memberA, role: "MEMBER" },
    crossTenant: (h) => ({ userId: h.userIds.memberA, role: "ADMIN" }),
  },
  "team.setDisabled": {
    allowed: CUSTOMER_ADMINS,
    input: (h, persona) => ({
      userId: persona === "ownerB" ? h.userIds.ownerB : h.userIds.memberA,
      disabled: false,
    }),
    crossTenant: (h) => ({ userId: h.userIds.memberA, disabled: true }),
  },
  "audit.list": { allowed: STAFF, input: () => ({}) },
  "mail.sent": { allowed: ["staffAdmin"], input: () => ({ recipient: "@" }) },
  "mail.get": {
    allowed: ["staffAdmin"],
    input: async (h) => {
      const [mail] = await h.db
        .insert(mailOutbox)
        .values({
          toAddress: "someone@a.test",
          category: "SECURITY",
          template: "license-status",
          data: {},
          nextAttemptAt: h.clock.now(),
        })
        .returning({ id: mailOutbox.id });
      return { id: mail?.id };
    },
  },
  "notifications.get": { allowed: ALL_SESSIONS },
  "notifications.set": { allowed: ALL_SESSIONS, input: () => ({ category: "SUPPORT", email: true }) },
  "datePreferences.get": { allowed: ALL_SESSIONS },
  "datePreferences.set": { allowed: ALL_SESSIONS, input: () => ({ timeZone: null, dateFormat: null }) },
  "licenses.activate": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: async (h) => ({ licenseId: (await h.newLicensedOrganization("STARTER", "PENDING")).license.id }),
  },
  "licenses.byOrganization": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "licenses.cancel": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: async (h) => ({ licenseId: (await h.newLicensedOrganization()).license.id, reason: "matrix" }),
  },
  "licenses.create": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: async (h) => {
      const { organization, license } = await h.newLicensedOrganization("STARTER", "PENDING");
      await h.db.delete(licensesTable).where(eq(licensesTable.id, license.id));
      return { organizationId: organization.id, tier: "PROFESSIONAL" };
    },
  },
  "licenses.expiring": { allowed: STAFF, input: () => ({ days: 30 }) },
  "licenses.expiringSummary": { allowed: STAFF, input: () => ({ days: 30 }) },
  "licenses.get": {
    keyAuth: true,
    allowed: [...STAFF, "serviceKey", "serviceKeyRead"],
    input: (h) => ({ licenseId: h.licenseA.id }),
  },
  "licenses.issueToken": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: (h) => ({ licenseId: h.licenseA.id }),
  },
  "licenses.list": { allowed: STAFF, input: () => ({ status: "ACTIVE" }) },
  "licenses.mine": { allowed: CUSTOMERS },
  "licenses.platformToken": {
    allowed: ["orgKeyA", "orgKeyLicense"],
    keyOnly: true,
    input: () => undefined,
  },
  "licenses.myToken": {
    allowed: CUSTOMER_ADMINS,
    input: (h, persona) => ({ licenseId: ownLicense(h, persona) }),
    crossTenant: (h) => ({ licenseId: h.licenseA.id }),
  },
  "licenses.reinstate": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: async (h) => ({ licenseId: (await h.newLicensedOrganization("STARTER", "SUSPENDED")).license.id }),
  },
  "licenses.renew": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: (h) => ({ licenseId: h.licenseA.id }),
  },
  "licenses.rotateKey": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: async (h) => ({ licenseId: (await h.newLicensedOrganization()).license.id }),
  },
  "licenses.rotateMyKey": {
    allowed: CUSTOMER_ADMINS,
    input: (h, persona) => ({ licenseId: ownLicense(h, persona) }),
    crossTenant: (h) => ({ licenseId: h.licenseA.id }),
  },
  "licenses.rotateSigningKey": { allowed: ["staffAdmin"] },
  "licenses.stats": { allowed: STAFF },
  "licenses.suspend": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: async (h) => ({ licenseId: (await h.newLicensedOrganization()).license.id, reason: "matrix" }),
  },
  "licenses.updateSettings": {
    keyAuth: true,
    allowed: STAFF_ADMIN_OR_SERVICE,
    input: (h) => ({ licenseId: h.licenseA.id, autoRenew: true }),
  },
  "licenses.validate": { allowed: EVERYONE, input: (h) => ({ key: h.keyB }) },
  "support.createViaApi": {
    allowed: ["orgKeyA", "orgKeyTickets"],
    keyOnly: true,
    input: () => ({ subject: "From the platform", description: "Sign-in fails", priority: "HIGH" }),
  },
  "support.createForOrganization": {
    allowed: ["staffAdmin", "staffSupport"],
    input: (h) => ({ organizationId: h.orgA.id, subject: "Staff opened", description: "On behalf of" }),
  },
  "support.queue": { allowed: STAFF, input: () => ({ sla: "BREACHED" }) },
  "support.get": { allowed: STAFF, input: async (h) => ({ ticketId: await h.newTicket(h.orgA.id) }) },
  "support.search": { allowed: STAFF, input: () => ({ query: "fixture" }) },
  "support.customerContext": {
    allowed: STAFF,
    input: async (h) => ({ ticketId: await h.newTicket(h.orgA.id) }),
  },
  "support.reply": {
    allowed: ["staffAdmin", "staffSupport"],
    input: async (h) => ({
      ticketId: await h.newTicket(h.orgA.id),
      body: "Looking into it",
      internal: false,
    }),
  },
  "support.updateStatus": {
    allowed: ["staffAdmin", "staffSupport"],
    input: async (h) => ({ ticketId: await h.newTicket(h.orgA.id), status: "IN_PROGRESS" }),
  },
  "support.changePriority": {
    allowed: ["staffAdmin", "staffSupport"],
    input: async (h) => ({ ticketId: await h.newTicket(h.orgA.id), priority: "HIGH" }),
  },
  "support.assign": {
    allowed: ["staffAdmin", "staffSupport"],
    input: async (h) => ({ ticketId: await h.newTicket(h.orgA.id), assigneeId: h.userIds.staffSupport }),
  },
  "support.open": { allowed: STAFF, input: () => ({}) },
  "support.breached": { allowed: STAFF, input: () => ({}) },
  "support.licenseTickets": { allowed: STAFF, input: (h) => ({ licenseId: h.licenseA.id }) },
  "support.stats": { allowed: STAFF, input: () => ({ from: "2026-05-01", to: "2026-06-30" }) },
  "support.notifications": { allowed: STAFF, input: () => ({}) },
  "support.markNotificationRead": {
    allowed: STAFF,
    input: async (h, persona) => ({ notificationId: await h.newNotification(persona) }),
  },
  "support.markAllNotificationsRead": { allowed: STAFF },
  "supportSettings.get": { allowed: STAFF },
  "supportSettings.createTeam": { allowed: ["staffAdmin"], input: () => supportTeamInput(`Team ${next()}`) },
  "supportSettings.updateTeam": {
    allowed: ["staffAdmin"],
    input: async (h) => ({ ...supportTeamInput(`Team ${next()}`), teamId: await newSupportTeam(h) }),
  },
  "supportSettings.setRouting": {
    allowed: ["staffAdmin"],
    input: () => ({ tier: "STARTER", mode: "LEAST_LOAD", teamId: null }),
  },
  "support.create": {
    allowed: CUSTOMERS,
    input: () => ({ subject: "Help", description: "Please", priority: "LOW" }),
  },
  "support.mine": { allowed: CUSTOMERS, input: () => ({}) },
  "support.searchMine": { allowed: CUSTOMERS, input: () => ({ query: "fixture" }) },
  "support.getMine": {
    allowed: CUSTOMERS,
    input: async (h, persona) => ({
      ticketId: await h.newTicket(persona === "ownerB" ? h.orgB.id : h.orgA.id),
    }),
    crossTenant: async (h) => ({ ticketId: await h.newTicket(h.orgA.id) }),
  },
  "support.replyMine": {
    allowed: CUSTOMERS,
    input: async (h, persona) => ({
      ticketId: await h.newTicket(persona === "ownerB" ? h.orgB.id : h.orgA.id),
      body: "More detail",
    }),
    crossTenant: async (h) => ({ ticketId: await h.newTicket(h.orgA.id), body: "x" }),
  },
  "support.updateMyStatus": {
    allowed: CUSTOMERS,
    input: async (h, persona) => {
      const ticketId = await h.newTicket(persona === "ownerB" ? h.orgB.id : h.orgA.id);
      await h.moveTicket(ticketId, ["IN_PROGRESS"]);
      return { ticketId, status: "RESOLVED" };
    },
    crossTenant: async (h) => {
      const ticketId = await h.newTicket(h.orgA.id);
      await h.moveTicket(ticketId, ["IN_PROGRESS"]);
      return { ticketId, status: "RESOLVED" };
    },
  },
  "macros.list": { allowed: ["staffAdmin", "staffSupport"], input: () => ({ includeArchived: true }) },
  "macros.create": {
    allowed: ["staffAdmin"],
    input: () => ({ title: `Thanks ${next()}`, body: "Hello {{customer.name}}", setStatus: "RESOLVED" }),
  },
  "macros.update": {
    allowed: ["staffAdmin"],
    input: async (h) => ({ macroId: await newMacro(h), title: "Renamed", body: "Hi {{agent.name}}" }),
  },
  "macros.archive": { allowed: ["staffAdmin"], input: async (h) => ({ macroId: await newMacro(h) }) },
  "macros.applyToTicket": {
    allowed: ["staffAdmin", "staffSupport"],
    input: async (h) => ({ macroId: await newMacro(h), ticketId: await h.newTicket(h.orgA.id), version: 1 }),
  },
  "satisfaction.forTicket": {
    allowed: STAFF,
    input: async (h) => ({ ticketId: await resolvedTicket(h, h.orgA.id) }),
  },
  "satisfaction.mine": {
    allowed: CUSTOMERS,
    input: async (h, persona) => ({ ticketId: await resolvedTicket(h, orgOf(h, persona)) }),
    crossTenant: async (h) => ({ ticketId: await resolvedTicket(h, h.orgA.id) }),
  },
  "satisfaction.rateMine": {
    allowed: CUSTOMERS,
    input: async (h, persona) => ({ ticketId: await resolvedTicket(h, orgOf(h, persona)), rating: "GOOD" }),
    crossTenant: async (h) => ({ ticketId: await resolvedTicket(h, h.orgA.id), rating: "BAD", comment: "x" }),
  },
  "serviceKeys.create": { allowed: ["staffAdmin"], input: () => ({ name: "CI", scopes: ["licenses:read"] }) },
  "serviceKeys.list": { allowed: ["staffAdmin"] },
  "serviceKeys.revoke": {
    allowed: ["staffAdmin"],
    input: async (h) => ({
      apiKeyId: (
        await createApiKey(h.system, { organizationId: null, name: "old", scopes: ["licenses:read"] })
      ).id,
    }),
  },
  "audit.listOwn": { allowed: CUSTOMER_ADMINS, input: () => ({}) },
  "auth.discoverSso": {
    allowed: EVERYONE,
    input: async (h) => {
      await enableSSO(h.system, h.deps, h.orgA.id, {
        protocol: "OIDC",
        issuer: "https://idp.a.example.com",
        clientId: "tessera",
        clientSecret: "s3cret",
        allowedDomains: ["a-sso.test"],
        enforced: false,
      });
      // proven (sso-domains.test.ts proves domains over a real DNS server)
      await h.db
        .update(ssoDomains)
        .set({ status: "VERIFIED" })
        .where(and(eq(ssoDomains.organizationId, h.orgA.id), eq(ssoDomains.domain, "a-sso.test")));
      return { email: "someone@a-sso.test" };
    },
  },
  "whiteLabel.theme": { allowed: EVERYONE },
  "whiteLabel.branding": { allowed: CUSTOMERS },
  "whiteLabel.config": { allowed: CUSTOMER_ADMINS },
  "whiteLabel.customizations": { allowed: CUSTOMER_ADMINS },
  "whiteLabel.enableWhiteLabel": { allowed: CUSTOMER_ADMINS, input: () => ({ enabled: true }) },
  "whiteLabel.setBranding": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({
      companyName: "Acme Learning",
      primaryColor: "#1d4ed8",
      secondaryColor: "#111827",
      accentColor: "#f59e0b",
    }),
  },
  "whiteLabel.uploadLogo": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ contentType: "image/png", dataBase64: TINY_PNG }),
  },
  "whiteLabel.domain": { allowed: CUSTOMER_ADMINS },
  "whiteLabel.setCustomDomain": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ hostname: `learn-${next()}.example.com` }),
    allowedCode: onlyA("TIER_FEATURE_REQUIRED"),
  },
  "whiteLabel.verifyDomain": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => {
      if (persona !== "ownerB") {
        await setCustomDomain(h.system, h.deps, h.orgA.id, { hostname: "learn.matrix-a.example.com" });
      }
      return undefined;
    },
    allowedCode: onlyA("NOT_FOUND"),
  },
  "whiteLabel.sso": { allowed: CUSTOMER_ADMINS },
  "whiteLabel.samlServiceProvider": { allowed: CUSTOMER_ADMINS },
  "whiteLabel.startSsoTest": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => {
      if (persona !== "ownerB") {
        await enableSSO(h.system, h.deps, h.orgA.id, {
          protocol: "OIDC",
          issuer: "https://idp.example.com",
          clientId: "tessera",
          clientSecret: "s3cret",
          allowedDomains: ["a.test"],
          enforced: false,
        });
      }
      return undefined;
    },
    allowedCode: onlyA("TIER_FEATURE_REQUIRED"),
  },
  "whiteLabel.ssoTest": { allowed: CUSTOMER_ADMINS, input: () => ({}) },
  "whiteLabel.enableSSO": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({
      protocol: "OIDC",
      issuer: "https://idp.example.com",
      clientId: "tessera",
      clientSecret: "s3cret",
      allowedDomains: ["a.test"],
    }),
    allowedCode: onlyA("TIER_FEATURE_REQUIRED"),
  },
  "whiteLabel.ssoDomains": { allowed: CUSTOMER_ADMINS },
  "whiteLabel.addSsoDomain": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ domain: `sso-${next()}.example.com` }),
    allowedCode: onlyA("TIER_FEATURE_REQUIRED"),
  },
  // B is refused A's claim: another organisation's id answers NOT_FOUND.
  "whiteLabel.verifySsoDomain": {
    allowed: CUSTOMER_ADMINS,
    input: async (h) => ({
      ssoDomainId: (await addSsoDomain(h.system, h.deps, h.orgA.id, { domain: "sso.matrix-a.example.com" }))
        .id,
    }),
    allowedCode: onlyA("NOT_FOUND"),
  },
  "whiteLabel.removeSsoDomain": {
    allowed: CUSTOMER_ADMINS,
    input: async (h) => ({
      ssoDomainId: (await addSsoDomain(h.system, h.deps, h.orgA.id, { domain: `gone-${next()}.example.com` }))
        .id,
    }),
    allowedCode: onlyA("NOT_FOUND"),
  },
  "whiteLabel.apiAccess": { allowed: CUSTOMER_ADMINS },
  "whiteLabel.enableAPI": { allowed: CUSTOMER_ADMINS, input: () => ({ enabled: true }) },
  // Neither PROFESSIONAL (A) nor STARTER (B) includes toggles or integrations: authorisation
  // passes and the tier answers; white-label.test.ts covers them on ENTERPRISE.
  "whiteLabel.setFeatureToggle": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ key: "new-player", enabled: true }),
    allowedCode: () => "TIER_FEATURE_REQUIRED",
  },
  "whiteLabel.createIntegration": {
    allowed: CUSTOMER_ADMINS,
    input: () => ({ name: "CRM", url: "https://hooks.example.com/tessera", events: ["ticket.created"] }),
    allowedCode: () => "TIER_FEATURE_REQUIRED",
  },
  "whiteLabel.updateIntegration": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({
      integrationId: await h.newCustomization(orgOf(h, persona), "INTEGRATION"),
      enabled: false,
    }),
    crossTenant: async (h) => ({
      integrationId: await h.newCustomization(h.orgA.id, "INTEGRATION"),
      enabled: false,
    }),
    allowedCode: () => "TIER_FEATURE_REQUIRED",
  },
  "whiteLabel.rotateIntegrationSecret": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({
      integrationId: await h.newCustomization(orgOf(h, persona), "INTEGRATION"),
    }),
    crossTenant: async (h) => ({ integrationId: await h.newCustomization(h.orgA.id, "INTEGRATION") }),
    allowedCode: () => "TIER_FEATURE_REQUIRED",
  },
  "whiteLabel.sendTestEvent": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({
      integrationId: await h.newCustomization(orgOf(h, persona), "INTEGRATION"),
    }),
    crossTenant: async (h) => ({ integrationId: await h.newCustomization(h.orgA.id, "INTEGRATION") }),
    allowedCode: () => "TIER_FEATURE_REQUIRED",
  },
  "whiteLabel.deliveries": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({ integrationId: (await h.newDelivery(orgOf(h, persona))).integrationId }),
    crossTenant: async (h) => ({ integrationId: (await h.newDelivery(h.orgA.id)).integrationId }),
  },
  "whiteLabel.retryDelivery": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({ deliveryId: (await h.newDelivery(orgOf(h, persona))).deliveryId }),
    crossTenant: async (h) => ({ deliveryId: (await h.newDelivery(h.orgA.id)).deliveryId }),
  },
  "whiteLabel.deleteCustomization": {
    allowed: CUSTOMER_ADMINS,
    input: async (h, persona) => ({ customizationId: await h.newCustomization(orgOf(h, persona)) }),
    crossTenant: async (h) => ({ customizationId: await h.newCustomization(h.orgA.id) }),
  },
  "whiteLabel.organizationConfig": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "whiteLabel.organizationSsoDomains": { allowed: STAFF, input: (h) => ({ organizationId: h.orgA.id }) },
  "whiteLabel.deleteOrganizationCustomization": {
    allowed: ["staffAdmin"],
    input: async (h) => ({ organizationId: h.orgB.id, customizationId: await h.newCustomization(h.orgB.id) }),
  },
};

let h: TestHarness;
beforeAll(async () => {
  // Nothing listens on port 9: domain checks fail fast instead of asking the internet.
  h = await createTestHarness({ DNS_RESOLVER: "127.0.0.1:9" });
  // Both organisations own a row of every kind, so a list that leaks has something to leak.
  const kinds = [
    "ticketId",
    "alertId",
    "apiKeyId",
    "scimTokenId",
    "customizationId",
    "deliveryId",
    "ssoDomainId",
    "logoAssetId",
  ];
  await foreignIds(h, "A", kinds);
  await foreignIds(h, "B", kinds);
});
afterAll(() => h.close());

/** The code a call answers ("OK" when it succeeds) and what it returned. */
const settle = async (call: Promise<unknown>) => {
  let result: unknown;
  const code = await errorCode(call.then((value) => (result = value)));
  return { code, result };
};

/** A procedure only one organisation's people or keys may call: what it answers must be theirs. */
const isCustomerProcedure = (entry: Entry) =>
  entry.allowed.every((persona) => CUSTOMER_SIDE.includes(persona));
/** B's owner is the only persona of B; every other customer-side persona acts for A. */
const victimOf = (persona: Persona) => (persona === "ownerB" ? "A" : "B");

/**
 * Nothing in the result belongs to another organisation: every `organizationId` in it is the
 * caller's, and no uuid in it (in any field or string, CSV included) is a row the other owns.
 */
const expectOnlyOwnData = async (result: unknown, persona: Persona) => {
  const { organizationIds, uuids } = tenantTraces(result);
  expect(organizationIds.filter((id) => id !== orgOf(h, persona))).toEqual([]);
  if (uuids.size === 0) return;
  const others = await idsOwnedBy(h, victimOf(persona) === "A" ? h.orgA.id : h.orgB.id);
  expect([...uuids].filter((id) => others.has(id))).toEqual([]);
};

const callerFor = async (entry: Entry, persona: Persona) =>
  entry.ownSession && !SESSIONLESS.includes(persona)
    ? h.callerWithToken(await h.sessionToken(h.userIds[persona as keyof TestHarness["userIds"]]))
    : h.caller(persona);

/**
 * Tenant precedence, generated from the router: the caller's input carries the other
 * organisation's id in one id-shaped field of its schema (each in turn), or `organizationId`
 * even where the schema has none. The session (or key) still decides: an id the call acts on
 * answers NOT_FOUND, an optional filter finds nothing of the other's, and the other's rows
 * stay as they were.
 */
const expectSessionWins = async (path: string, entry: Entry, persona: Persona, field: string) => {
  const base = ((await entry.input?.(h, persona)) ?? {}) as Record<string, unknown>;
  const { organizationId: victim = "", ...ids } = await foreignIds(h, victimOf(persona), [field]);
  const injected = field === "organizationId" ? { organizationId: victim } : { [field]: ids[field] };
  const before = await fingerprintOf(h, victim);
  const { code, result } = await settle(
    callPath(await callerFor(entry, persona), path, { ...base, ...injected }),
  );
  if (field !== "organizationId" && field in base) expect(code).toBe("NOT_FOUND");
  else expect([entry.allowedCode?.(persona) ?? "OK", "NOT_FOUND"]).toContain(code);
  if (code === "OK") await expectOnlyOwnData(result, persona);
  expect(await fingerprintOf(h, victim)).toEqual(before);
};

describe("authorisation matrix", () => {
  const paths = Object.keys(appRouter._def.procedures).sort();

  it("has an entry for every procedure of appRouter", () => {
    expect(paths.filter((path) => !(path in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((path) => !paths.includes(path))).toEqual([]);
  });

  for (const path of paths) {
    const entry = MATRIX[path];
    if (!entry) continue;
    const customerProcedure = isCustomerProcedure(entry);
    describe(path, () => {
      for (const persona of EVERYONE) {
        const allowed = entry.allowed.includes(persona);
        it(`${persona} ${allowed ? "may" : "may not"} call it`, async () => {
          const caller = await callerFor(entry, persona);
          const { code, result } = await settle(callPath(caller, path, await entry.input?.(h, persona)));
          if (!allowed) return expect(code).toBe(refusal(entry, persona));
          expect(code).toBe(entry.allowedCode?.(persona) ?? "OK");
          if (customerProcedure && code === "OK") await expectOnlyOwnData(result, persona);
        });
      }
      const crossTenant = entry.crossTenant;
      if (crossTenant) {
        it("answers NOT_FOUND to another organisation's ids", async () => {
          const code = await errorCode(callPath(await h.caller("ownerB"), path, await crossTenant(h)));
          expect(code).toBe("NOT_FOUND");
        });
      }
      if (!customerProcedure) return;
      const fields = [...new Set(["organizationId", ...idFieldsOf(path)])];
      for (const persona of entry.allowed.filter((p) => ["ownerA", "ownerB", "orgKeyA"].includes(p))) {
        for (const field of fields) {
          it(`${persona}'s own organisation wins over another's ${field} in the input`, () =>
            expectSessionWins(path, entry, persona, field));
        }
      }
    });
  }
});
