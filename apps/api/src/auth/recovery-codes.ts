import { randomBytes } from "node:crypto";
import type { Executor } from "@tessera/db";
import { mfaRecoveryCodes } from "@tessera/db/schema";
import { and, count, eq, isNull } from "drizzle-orm";
import { sha256 } from "./tokens.ts";

const CODES = 10;
/** Unambiguous letters and digits (no 0/o, 1/l/i): 10 of them carry 50 bits, ample for single use behind throttling. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

const newCode = () => {
  const chars = [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};

/** What a typed recovery code is compared as: lower case, without spaces or dashes. */
const normalise = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Replace the user's recovery codes with ten new ones; returns them (shown once, only hashes kept). */
export const replaceRecoveryCodes = async (
  executor: Executor,
  userId: string,
  now: Date,
): Promise<string[]> => {
  const codes = Array.from({ length: CODES }, newCode);
  await executor.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await executor
    .insert(mfaRecoveryCodes)
    .values(
      codes.map((code) => ({ userId, codeHash: sha256(normalise(code)), createdAt: now, updatedAt: now })),
    );
  return codes;
};

/** Use up one recovery code: true when it was the user's and unused (one conditional update, so only once). */
export const redeemRecoveryCode = async (
  executor: Executor,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> => {
  const used = await executor
    .update(mfaRecoveryCodes)
    .set({ usedAt: now, updatedAt: now })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, sha256(normalise(code))),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return used.length > 0;
};

export const recoveryCodesLeft = async (executor: Executor, userId: string): Promise<number> => {
  const [row] = await executor
    .select({ left: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return row?.left ?? 0;
};
