import type { Executor } from "@tessera/db";
import { type SsoTestStep, ssoConnectionTests } from "@tessera/db/schema";
import { DomainError, SINGLETON_KEY, SSO_TEST_TTL_MS } from "@tessera/domain";
import { and, desc, eq } from "drizzle-orm";
import { sha256 } from "../auth/tokens.ts";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { SSO_START_PATH } from "./sso-paths.ts";
import { findCustomization, requireAllowed } from "./store.ts";

type TestRow = typeof ssoConnectionTests.$inferSelect;

/** Key-sorted JSON: the same settings always hash the same. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(",")}]`
    : value !== null && typeof value === "object"
      ? `{${Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
          .join(",")}}`
      : JSON.stringify(value);

/**
 * What a connection test vouches for: every stored SSO setting but the enforcement flag, and
 * the sealed client secret (a new secret is a new connection to test).
 */
export const settingsFingerprint = (value: Record<string, unknown>, secretCiphertext: string | null) => {
  const { enforced: _enforced, ...settings } = value;
  return sha256(`${canonical(settings)}\n${secretCiphertext ?? ""}`);
};

const testView = (row: TestRow, now: Date) => ({
  id: row.id,
  protocol: row.protocol,
  status: row.status === "PENDING" && row.expiresAt <= now ? ("ABANDONED" as const) : row.status,
  steps: row.steps,
  assertedEmail: row.assertedEmail,
  startedByRole: row.startedByRole,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

/**
 * Begin a test of the organisation's saved SSO settings: the page opens `startUrl` in a
 * popup, where the same sign-in as everyone's runs but ends in a report instead of a session.
 */
export const startSsoTest = async (ctx: ServiceContext, organizationId: string) => {
  const actor = ctx.actor;
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Sign in to test single sign-on");
  const now = ctx.clock.now();
  await requireAllowed(ctx.db, organizationId, "SSO", now);
  const row = await findCustomization(ctx.db, organizationId, "SSO", SINGLETON_KEY);
  if (!row) throw new DomainError("NOT_FOUND", "Save the single sign-on settings before testing them");
  const [test] = await ctx.db
    .insert(ssoConnectionTests)
    .values({
      organizationId,
      startedBy: actor.userId,
      startedByRole: actor.role,
      settingsFingerprint: settingsFingerprint(row.value, row.secretCiphertext),
      protocol: String(row.value.protocol),
      startedAt: now,
      expiresAt: new Date(now.getTime() + SSO_TEST_TTL_MS),
    })
    .returning();
  if (!test) throw new DomainError("CONFLICT", "The test could not be started");
  return {
    ...testView(test, now),
    startUrl: `${SSO_START_PATH}?organization=${organizationId}&test=${test.id}`,
  };
};

/** One test of the organisation (never another's), or its latest; null when it has none. */
export const getSsoTest = async (ctx: ServiceContext, organizationId: string, testId?: string) => {
  const [row] = await ctx.db
    .select()
    .from(ssoConnectionTests)
    .where(
      and(
        eq(ssoConnectionTests.organizationId, organizationId),
        testId ? eq(ssoConnectionTests.id, testId) : undefined,
      ),
    )
    .orderBy(desc(ssoConnectionTests.startedAt))
    .limit(1);
  if (!row && testId) throw new DomainError("NOT_FOUND", "Connection test not found", { field: "testId" });
  return row ? testView(row, ctx.clock.now()) : null;
};

/** A pending, unexpired test that this user started for this organisation, or null. */
export const pendingTestOf = async (
  executor: Executor,
  testId: string,
  organizationId: string,
  userId: string,
  now: Date,
) => {
  const [row] = await executor
    .select()
    .from(ssoConnectionTests)
    .where(
      and(
        eq(ssoConnectionTests.id, testId),
        eq(ssoConnectionTests.organizationId, organizationId),
        eq(ssoConnectionTests.startedBy, userId),
        eq(ssoConnectionTests.status, "PENDING"),
      ),
    );
  return row && row.expiresAt > now ? row : null;
};

/** Append a step; a failed step, or the last one, settles the test (only once: PENDING rows only). */
export const recordTestStep = async (
  executor: Executor,
  ctx: ServiceContext,
  test: { id: string; organizationId: string },
  step: SsoTestStep,
  options: { last?: boolean; assertedEmail?: string } = {},
) => {
  const [current] = await executor
    .select()
    .from(ssoConnectionTests)
    .where(and(eq(ssoConnectionTests.id, test.id), eq(ssoConnectionTests.status, "PENDING")))
    .for("update");
  if (!current) return;
  const settles = !step.ok || options.last === true;
  const status = !step.ok ? "FAILED" : settles ? "SUCCEEDED" : "PENDING";
  const now = ctx.clock.now();
  await executor
    .update(ssoConnectionTests)
    .set({
      steps: [...current.steps, step],
      status,
      assertedEmail: options.assertedEmail ?? current.assertedEmail,
      finishedAt: settles ? now : null,
    })
    .where(eq(ssoConnectionTests.id, test.id));
  if (settles) {
    await recordEvent(executor, ctx, {
      action: status === "SUCCEEDED" ? "white_label.sso_test_succeeded" : "white_label.sso_test_failed",
      organizationId: test.organizationId,
      targetType: "sso_connection_test",
      targetId: test.id,
      after: { status, steps: [...current.steps, step].map((s) => `${s.step}:${s.ok ? "ok" : "failed"}`) },
    });
  }
};

/**
 * Enforcement may start, or continue with changed settings, only once an owner has tested
 * exactly these settings successfully: enforcing an untested connection is how an
 * organisation locks itself out.
 */
export const requireTestedForEnforcement = async (
  executor: Executor,
  organizationId: string,
  next: { value: Record<string, unknown>; secretCiphertext: string | null },
  current: { value: Record<string, unknown>; secretCiphertext: string | null } | null,
) => {
  const fingerprint = settingsFingerprint(next.value, next.secretCiphertext);
  const unchanged =
    current?.value.enforced === true &&
    settingsFingerprint(current.value, current.secretCiphertext) === fingerprint;
  if (unchanged) return;
  const [tested] = await executor
    .select({ id: ssoConnectionTests.id })
    .from(ssoConnectionTests)
    .where(
      and(
        eq(ssoConnectionTests.organizationId, organizationId),
        eq(ssoConnectionTests.settingsFingerprint, fingerprint),
        eq(ssoConnectionTests.status, "SUCCEEDED"),
        eq(ssoConnectionTests.startedByRole, "OWNER"),
      ),
    )
    .limit(1);
  if (!tested) {
    throw new DomainError(
      "SSO_TEST_REQUIRED",
      "Save these settings without enforcement and have an owner pass “Test connection” first",
      { field: "enforced" },
    );
  }
};
