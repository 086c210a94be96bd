import type { ApiAccessRefusal, ApiKeyScope, Tier } from "@tessera/domain";

/** Who calls with a Bearer key: an organisation's key, or (organizationId null) a staff service key. */
export interface ApiKeyPrincipal {
  id: string;
  prefix: string;
  /** The name it was given, so what it writes can say which key acted. */
  name: string;
  organizationId: string | null;
  scopes: ApiKeyScope[];
  /**
   * Organisation keys: whether they may call (`refusal` says why not: switched off, no license
   * in force, or a tier without API access), and the tier that sets the rate.
   */
  access?: { enabled: boolean; refusal: ApiAccessRefusal | null; tier: Tier | null };
}

export type ApiKeyProblem = "UNKNOWN" | "REVOKED" | "EXPIRED";
