import { invitations, mailOutbox, users } from "@tessera/db/schema";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

/** What a customer admin's invite answers, as the client sees it, with the per-call values masked. */
const answerTo = async (email: string) => {
  const owner = await h.caller("ownerA");
  try {
    const result = await owner.team.invite({ name: "New Person", email });
    return {
      ok: true,
      result: {
        ...result,
        id: "<id>",
        email: result.email === email.toLowerCase() ? "<email>" : result.email,
      },
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

describe("security: team.invite does not reveal who has an account elsewhere", () => {
  it("answers alike for an address of another tenant, of staff and of nobody, and mails each", async () => {
    const [otherTenant] = await rowsWithEmail("owner@b.test");
    const [staff] = await rowsWithEmail("admin@staff.test");
    const answers = [
      await answerTo("owner@b.test"),
      await answerTo("ADMIN@staff.test"),
      await answerTo("nobody-yet@a.test"),
    ];
    expect(answers[0]).toMatchObject({ ok: true, result: { email: "<email>", role: "MEMBER" } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    // Nobody else's account was touched; each address got its invitation mail.
    expect(await rowsWithEmail("owner@b.test")).toEqual([otherTenant]);
    expect(await rowsWithEmail("admin@staff.test")).toEqual([staff]);
    const mailed = await h.db.select({ to: mailOutbox.toAddress }).from(mailOutbox);
    expect(mailed.map((mail) => mail.to).sort()).toEqual([
      "admin@staff.test",
      "nobody-yet@a.test",
      "owner@b.test",
    ]);
  });

  it("says CONFLICT, naming the field, only for an address already in the caller's own organisation", async () => {
    const owner = await h.caller("ownerA");
    const invite = () => owner.team.invite({ name: "Again", email: "MEMBER@a.test" });
    expect(await errorCode(invite())).toBe("CONFLICT");
    expect(await errorField(invite())).toBe("email");
    expect(await h.db.select().from(invitations).where(eq(invitations.email, "member@a.test"))).toEqual([]);
  });
});
