import type { Executor } from "@tessera/db";
import { customizationGate, SINGLETON_KEY } from "@tessera/domain";
import { currentEntitlements, findCustomization } from "./store.ts";

/** Whether the organisation's users must sign in through SSO (and its tier still includes SSO). */
export const ssoEnforced = async (
  executor: Executor,
  organizationId: string,
  now: Date,
): Promise<boolean> => {
  const row = await findCustomization(executor, organizationId, "SSO", SINGLETON_KEY);
  if (!row?.value.enforced) return false;
  return customizationGate(await currentEntitlements(executor, organizationId, now), "SSO").allowed;
};
