import { DomainError } from "@tessera/domain";
import type { Actor, AppDeps } from "../context.ts";
import { organizationForHost } from "../white-label/custom-domain-host.ts";

type HostDeps = Pick<AppDeps, "db" | "config">;

/** Whether a session's actor is honoured on this Host: on a customer's domain, only its own people. */
export const actorBelongsOnHost = async (deps: HostDeps, actor: Actor, host: string | null | undefined) => {
  const organizationId = await organizationForHost(deps, host);
  return !organizationId || actor.organizationId === organizationId;
};

/**
 * Refuse a sign-in (after the password proved right, so the answer tells nothing the
 * platform's own sign-in page would not) by someone who does not belong on this domain.
 */
export const requireSignInHere = async (
  deps: HostDeps,
  host: string | null | undefined,
  user: { kind: "STAFF" | "CUSTOMER"; organizationId: string | null },
): Promise<void> => {
  const organizationId = await organizationForHost(deps, host);
  if (!organizationId || user.organizationId === organizationId) return;
  const signInUrl = deps.config.PUBLIC_URL ?? null;
  const where = signInUrl ?? "Tessera's own address";
  if (user.kind === "STAFF") {
    throw new DomainError(
      "STAFF_SIGN_IN_ELSEWHERE",
      `Staff sign in at ${where}, never on a customer's domain`,
      { field: "email", signInUrl },
    );
  }
  throw new DomainError(
    "SIGN_IN_ELSEWHERE",
    `This portal belongs to another organisation; sign in at ${where} or your organisation's own address`,
    { field: "email", signInUrl },
  );
};
