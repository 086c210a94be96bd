import { ApiKeyId, CreateServiceKeyInput } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { staff } from "../trpc.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./service.ts";

/** Staff service keys for internal systems; organisation keys live with usage. */
export const serviceKeysRouter = {
  list: staff("ADMIN").query(({ ctx }) => listApiKeys(serviceContext(ctx), null)),
  create: staff("ADMIN")
    .input(CreateServiceKeyInput)
    .mutation(({ ctx, input }) => createApiKey(serviceContext(ctx), { ...input, organizationId: null })),
  revoke: staff("ADMIN")
    .input(ApiKeyId)
    .mutation(({ ctx, input }) => revokeApiKey(serviceContext(ctx), null, input.apiKeyId)),
} satisfies TRPCRouterRecord;
