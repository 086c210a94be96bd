import { DomainError } from "@tessera/domain";
import {
  admitOrganizationKey,
  keyKind,
  type OrganizationKey,
  presentedKey,
  requireScope,
} from "../api-keys/key-guard.ts";
import { type Context, serviceContext } from "../context.ts";
import type { RestAuth, RestCall } from "./operation.ts";

/**
 * Who may call an operation: REST is for keys, never sessions. A staff service key needs the
 * operation's service scope; an organisation key its organisation scope, API access switched
 * on and room in its tier's rate — and then reaches only its own organisation.
 */
export const authorize = async (ctx: Context, auth: RestAuth): Promise<RestCall> => {
  const service = { ...serviceContext(ctx), actor: null };
  if (auth === "public") return { ctx, service, key: null, organizationId: null };
  const key = presentedKey(ctx);
  const kind = keyKind(key);
  const scope = kind === "service" ? auth.service : auth.organization;
  if (!scope) {
    const needed = kind === "service" ? "an organisation key" : "a staff service key";
    throw new DomainError("FORBIDDEN", `This endpoint needs ${needed}`);
  }
  requireScope(key, scope);
  if (kind === "service") return { ctx, service, key, organizationId: null };
  const organizationKey = key as OrganizationKey;
  await admitOrganizationKey(ctx, organizationKey);
  return { ctx, service, key, organizationId: organizationKey.organizationId };
};
