import { invitations, passwordResets } from "@tessera/db/schema";
import { randomToken, sha256 } from "../../src/auth/tokens.ts";
import { addMember } from "../../src/team/service.ts";
import { TEST_PASSWORD, type TestHarness } from "../harness.ts";

let made = 0;

/**
 * A pending invitation written straight to the table, with a token the test knows (the real
 * one only travels by mail): into the organisation, or to the staff team when null.
 */
export const newInvitation = async (h: TestHarness, organizationId: string | null, role = "MEMBER") => {
  const token = randomToken();
  const [row] = await h.db
    .insert(invitations)
    .values({
      kind: organizationId ? "CUSTOMER" : "STAFF",
      organizationId,
      email: `invitee-${made++}-${token.slice(0, 6).toLowerCase()}@invited.test`,
      role: (organizationId ? role : "VIEWER") as "MEMBER",
      tokenHash: sha256(token),
      expiresAt: new Date(h.clock.now().getTime() + 7 * 24 * 3600_000),
    })
    .returning({ id: invitations.id, email: invitations.email });
  if (!row) throw new Error("no invitation");
  return { ...row, token };
};

/** A throwaway member of the organisation with a usable password-reset token. */
export const newResetToken = async (h: TestHarness, organizationId: string) => {
  const user = await addMember(h.system, organizationId, {
    name: "Forgetful Person",
    email: `forgetful-${made++}@reset.test`,
    password: TEST_PASSWORD,
    role: "MEMBER",
  });
  const token = randomToken();
  await h.db.insert(passwordResets).values({
    tokenHash: sha256(token),
    userId: user.id,
    expiresAt: new Date(h.clock.now().getTime() + 3600_000),
  });
  return { token, userId: user.id };
};
