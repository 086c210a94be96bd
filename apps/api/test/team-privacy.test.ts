import { users } from "@tessera/db/schema";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

/** What a customer admin's add answers, as the client sees it: result or error code, field and message shape. */
const answerTo = async (email: string) => {
  const owner = await h.caller("ownerA");
  try {
    const result = await owner.team.add({ name: "New Person", email, password: TEST_PASSWORD });
    return {
      ok: true,
      result: { ...result, email: result.email === email.toLowerCase() ? "<email>" : result.email },
    };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
};

const rowsWithEmail = (email: string) =>
  h.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));

describe("security: team.add does not reveal who has an account elsewhere", () => {
  it("answers alike for an address of another tenant, of staff and of nobody", async () => {
    const [otherTenant] = await rowsWithEmail("owner@b.test");
    const [staff] = await rowsWithEmail("admin@staff.test");
    const answers = [
      await answerTo("owner@b.test"),
      await answerTo("ADMIN@staff.test"),
      await answerTo("nobody-yet@a.test"),
    ];
    expect(answers[0]).toEqual({ ok: true, result: { status: "PENDING", email: "<email>" } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    // Nobody else's account was touched or duplicated; the free address got its account in A.
    expect(await rowsWithEmail("owner@b.test")).toEqual([otherTenant]);
    expect(await rowsWithEmail("admin@staff.test")).toEqual([staff]);
    const made = await rowsWithEmail("nobody-yet@a.test");
    expect(made.map((user) => [user.organizationId, user.kind])).toEqual([[h.orgA.id, "CUSTOMER"]]);
  });

  it("still says EMAIL_TAKEN, naming the field, for an address already in the caller's own organisation", async () => {
    const owner = await h.caller("ownerA");
    const add = () => owner.team.add({ name: "Again", email: "MEMBER@a.test", password: TEST_PASSWORD });
    expect(await errorCode(add())).toBe("EMAIL_TAKEN");
    expect(await errorField(add())).toBe("email");
  });

  it("writes no audit event for an address held elsewhere", async () => {
    const owner = await h.caller("ownerA");
    const before = (await owner.audit.listOwn({})).total;
    await owner.team.add({ name: "Elsewhere", email: "support@staff.test", password: TEST_PASSWORD });
    expect((await owner.audit.listOwn({})).total).toBe(before);
  });
});
