import { DomainError } from "@tessera/domain";
import { z } from "zod";
import type { RestCall } from "./operation.ts";

/**
 * The organisation a call may act on: any for a staff service key; for an organisation key
 * only its own — another organisation's id answers 404, as if it did not exist.
 */
export const organizationInScope = (call: RestCall, organizationId: string): string => {
  if (call.organizationId !== null && call.organizationId !== organizationId) {
    throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
  }
  return organizationId;
};

/** For list filters: an organisation key always sees only its own organisation. */
export const organizationFilter = (call: RestCall, requested: string | undefined): string | undefined =>
  call.organizationId ?? requested;

/** `true` / `false` in a query string (z.coerce.boolean would read "false" as true). */
export const QueryBoolean = z.enum(["true", "false"]).transform((value) => value === "true");
