import { z } from "zod";
import { dateInput } from "../date-input.ts";
import { textInput } from "../text-input.ts";

/** Scopes of staff service keys (internal systems such as billing). */
const SERVICE_KEY_SCOPES = ["licenses:write", "licenses:read"] as const;
/** Scopes of an organisation's own keys, used by the learning platform. */
export const ORGANIZATION_KEY_SCOPES = ["usage:write", "license:read", "tickets:write"] as const;
const API_KEY_SCOPES = [...SERVICE_KEY_SCOPES, ...ORGANIZATION_KEY_SCOPES] as const;
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
