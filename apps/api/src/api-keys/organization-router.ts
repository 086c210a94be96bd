import { ApiKeyId, CreateOrganizationKeyInput, OrganizationId } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer, staff } from "../trpc.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./service.ts";

/** An organisation's API keys: its own admins manage them, staff admins for any organisation. */
export const apiKeysRouter = {
  mine: customer("OWNER", "ADMIN").query(({ ctx }) => listApiKeys(serviceContext(ctx), ctx.organizationId)),
  createMine: customer("OWNER", "ADMIN")
    .input(CreateOrganizationKeyInput)
    .mutation(({ ctx, input }) =>
      createApiKey(serviceContext(ctx), { ...input, organizationId: ctx.organizationId }),
    ),
  revokeMine: customer("OWNER", "ADMIN")
    .input(ApiKeyId)
    .mutation(({ ctx, input }) => revokeApiKey(serviceContext(ctx), ctx.organizationId, input.apiKeyId)),

  list: staff("ADMIN")
    .input(OrganizationId)
    .query(({ ctx, input }) => listApiKeys(serviceContext(ctx), input.organizationId)),
  create: staff("ADMIN")
    .input(CreateOrganizationKeyInput.extend(OrganizationId.shape))
    .mutation(({ ctx, input }) => createApiKey(serviceContext(ctx), input)),
  revoke: staff("ADMIN")
    .input(ApiKeyId.extend(OrganizationId.shape))
    .mutation(({ ctx, input }) => revokeApiKey(serviceContext(ctx), input.organizationId, input.apiKeyId)),
} satisfies TRPCRouterRecord;
