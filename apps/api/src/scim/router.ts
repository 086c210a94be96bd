import { CreateScimTokenInput, OrganizationId, ScimTokenId } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer, staff } from "../trpc.ts";
import { createScimToken, listScimTokens, revokeScimToken } from "./token-service.ts";

const admins = () => customer("OWNER", "ADMIN");

/**
 * SCIM provisioning tokens: an organisation's owners and admins manage their own; staff see
 * any organisation's and staff admins may revoke one (a leaked token, a customer locked out).
 */
export const scimTokensRouter = {
  list: admins().query(({ ctx }) => listScimTokens(serviceContext(ctx), ctx.organizationId)),
  create: admins()
    .input(CreateScimTokenInput)
    .mutation(({ ctx, input }) => createScimToken(serviceContext(ctx), ctx.organizationId, input)),
  revoke: admins()
    .input(ScimTokenId)
    .mutation(({ ctx, input }) =>
      revokeScimToken(serviceContext(ctx), ctx.organizationId, input.scimTokenId),
    ),

  organizationTokens: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) => listScimTokens(serviceContext(ctx), input.organizationId)),
  revokeOrganizationToken: staff("ADMIN")
    .input(ScimTokenId.extend(OrganizationId.shape))
    .mutation(({ ctx, input }) =>
      revokeScimToken(serviceContext(ctx), input.organizationId, input.scimTokenId),
    ),
} satisfies TRPCRouterRecord;
