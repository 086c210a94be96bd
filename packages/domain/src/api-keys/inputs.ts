import { z } from "zod";
import { dateInput } from "../date-input.ts";
import { textInput } from "../text-input.ts";

/**
 * Scopes of staff service keys (internal systems such as billing, BI): read or write per
 * resource, across every organisation.
 */
export const SERVICE_KEY_SCOPES = [
  "licenses:read",
  "licenses:write",
  "usage:read",
  "usage:write",
  "tickets:read",
  "tickets:write",
  "organizations:read",
  "audit:read",
] as const;
/**
 * Scopes of an organisation's own keys, used by the learning platform and the customer's
 * scripts: each reaches only that organisation's data.
 */
export const ORGANIZATION_KEY_SCOPES = [
  "usage:write",
  "usage:read",
  "license:read",
  "tickets:write",
  "tickets:read",
  "organization:read",
  "audit:read",
] as const;
const API_KEY_SCOPES = [...new Set([...SERVICE_KEY_SCOPES, ...ORGANIZATION_KEY_SCOPES])] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const ApiKeyName = textInput().min(1, { message: "is required" }).max(100);

export const CreateServiceKeyInput = z.object({
  name: ApiKeyName,
  scopes: z.array(z.enum(SERVICE_KEY_SCOPES)).min(1, { message: "choose at least one scope" }),
  expiresAt: dateInput().optional(),
});
export type CreateServiceKeyInput = z.input<typeof CreateServiceKeyInput>;

export const ApiKeyId = z.object({ apiKeyId: z.uuid() });
export type ApiKeyId = z.input<typeof ApiKeyId>;
