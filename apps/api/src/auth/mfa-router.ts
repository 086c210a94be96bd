import {
  ConfirmMfaEnrolmentInput,
  CUSTOMER_ADMIN_ROLES,
  DisableMfaInput,
  RegenerateRecoveryCodesInput,
  SetOrganizationMfaRequirementInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer, signedIn } from "../trpc.ts";
import {
  beginEnrolment,
  confirmEnrolment,
  disableMfa,
  mfaStatus,
  organizationMfaRequirement,
  regenerateRecoveryCodes,
  setOrganizationMfaRequirement,
} from "./mfa.ts";

/** Two-factor authentication (TOTP) of the signed-in user, and an organisation's requirement of it. */
export const mfaRouter = {
  status: signedIn.query(({ ctx }) => mfaStatus(ctx, { ...serviceContext(ctx), actor: ctx.actor })),
  beginEnrolment: signedIn.mutation(({ ctx }) =>
    beginEnrolment(ctx, { ...serviceContext(ctx), actor: ctx.actor }),
  ),
  confirmEnrolment: signedIn
    .input(ConfirmMfaEnrolmentInput)
    .mutation(({ ctx, input }) => confirmEnrolment(ctx, { ...serviceContext(ctx), actor: ctx.actor }, input)),
  disable: signedIn
    .input(DisableMfaInput)
    .mutation(({ ctx, input }) => disableMfa(ctx, { ...serviceContext(ctx), actor: ctx.actor }, input)),
  regenerateRecoveryCodes: signedIn
    .input(RegenerateRecoveryCodesInput)
    .mutation(({ ctx, input }) =>
      regenerateRecoveryCodes(ctx, { ...serviceContext(ctx), actor: ctx.actor }, input),
    ),
  organizationRequirement: customer().query(({ ctx }) =>
    organizationMfaRequirement({ ...serviceContext(ctx), organizationId: ctx.organizationId }),
  ),
  setOrganizationRequirement: customer(...CUSTOMER_ADMIN_ROLES)
    .input(SetOrganizationMfaRequirementInput)
    .mutation(({ ctx, input }) =>
      setOrganizationMfaRequirement(
        { ...serviceContext(ctx), actor: ctx.actor, organizationId: ctx.organizationId },
        input,
      ),
    ),
} satisfies TRPCRouterRecord;
