import { users } from "@tessera/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/observability/logger.ts";
import { openTestDatabase } from "./database.ts";

/**
 * Database errors in the logs (issue 13, item 9): real errors from the test database (PGlite,
 * or postgres.js on PostgreSQL when DATABASE_URL is set), logged through the app's logger,
 * keep their SQLSTATE, table and constraint and lose the statement and its parameters.
 */
type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
let handle: Handle;
beforeAll(async () => {
  handle = await openTestDatabase();
}, 90_000);
afterAll(() => handle.close());

const SECRET_HASH = "scrypt$16384$8$1$c2VjcmV0LXNhbHQ$c2VjcmV0LWhhc2gtdGhhdC1tdXN0LW5vdC1sZWFr";

/** The error a statement fails with. */
const failure = async (statement: () => Promise<unknown>): Promise<unknown> => {
  try {
    await statement();
  } catch (error) {
    return error;
  }
  throw new Error("the statement did not fail");
};

/** The JSON line the app's logger writes for an error, as a parsed object and as raw text. */
const logLine = (err: unknown) => {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
  logger.error({ requestId: "req-1", procedure: "team.add", err }, "procedure failed");
  const raw = lines[0] ?? "";
  return { raw, line: JSON.parse(raw) as { err: Record<string, unknown> } };
};

const newUser = (email: string, name: string) => ({
  email,
  name,
  kind: "STAFF" as const,
  role: "ADMIN" as const,
  passwordHash: SECRET_HASH,
});

describe("database errors in logs", () => {
  it("logs a NUL-byte insert's SQLSTATE and short message, never the hash or the statement", async () => {
    const error = await failure(() =>
      handle.db.insert(users).values(newUser("nul@example.com", "Eve\u0000")),
    );
    for (const err of [error, (error as { cause?: unknown }).cause]) {
      const { raw, line } = logLine(err);
      expect(line.err.code).toMatch(/^22/); // 22021 (PostgreSQL) / 22P05: bad character data
      expect(typeof line.err.message).toBe("string");
      expect(raw).not.toContain(SECRET_HASH);
      expect(raw).not.toContain("c2VjcmV0");
      expect(raw).not.toMatch(/insert into|"users"\s*\(|params|parameters|nul@example\.com/i);
    }
  });

  it("logs a unique violation's table and constraint, not the row it collided with", async () => {
    await handle.db.insert(users).values(newUser("taken@example.com", "First"));
    const error = await failure(() => handle.db.insert(users).values(newUser("TAKEN@example.com", "Second")));
    const { raw, line } = logLine(error);
    expect(line.err).toMatchObject({ code: "23505", table: "users", constraint: "users_email_unique" });
    expect(line.err.stack).toMatch(/^\s+at /);
    expect(raw).not.toContain(SECRET_HASH);
    expect(raw).not.toMatch(/taken@example\.com|insert into|Key \(/i);
  });

  it("logs any other error as pino would, message and stack included", () => {
    const { line } = logLine(new TypeError("boom"));
    expect(line.err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(line.err.stack).toContain("TypeError: boom");
  });
});
