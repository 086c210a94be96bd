import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, type TestHarness } from "./harness.ts";

const LIMIT = 5;
let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness({ SESSION_MUTATIONS_PER_MINUTE: String(LIMIT) });
});
afterAll(() => h.close());

describe("per-session mutation rate limit", () => {
  it("refuses a session's mutations past the allowance with RATE_LIMITED and Retry-After; reads go on", async () => {
    const session = await h.callerWithToken(await h.sessionToken(h.userIds.ownerA));
    const change = (index: number) =>
      session.organizations.updateMine({ contactPhone: `+44 20 7946 00${index}0` });
    for (let index = 0; index < LIMIT; index++) expect(await errorCode(change(index))).toBe("OK");
    delete h.headers["retry-after"];
    expect(await errorCode(change(9))).toBe("RATE_LIMITED");
    expect(Number(h.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(h.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(await errorCode(session.organizations.mine())).toBe("OK");
    // Signing out is never held back.
    expect(await errorCode(session.auth.signOut())).toBe("OK");
  });

  it("counts per session: another session of the same user, and the organisation's API key, are not held up", async () => {
    const first = await h.callerWithToken(await h.sessionToken(h.userIds.adminA));
    for (let index = 0; index < LIMIT; index++) {
      expect(
        await errorCode(first.organizations.updateMine({ contactPhone: `+44 20 7946 01${index}0` })),
      ).toBe("OK");
    }
    expect(await errorCode(first.organizations.updateMine({ contactPhone: "+44 20 7946 0199" }))).toBe(
      "RATE_LIMITED",
    );
    const second = await h.callerWithToken(await h.sessionToken(h.userIds.adminA));
    expect(await errorCode(second.organizations.updateMine({ contactPhone: "+44 20 7946 0198" }))).toBe("OK");
    const platform = await h.callerWithApiKey(h.orgKeyA.key);
    for (let index = 0; index <= LIMIT; index++) {
      expect(
        await errorCode(
          platform.usage.track({ metric: "API_CALLS", value: 1, idempotencyKey: `rate-${index}` }),
        ),
      ).toBe("OK");
    }
  });
});
