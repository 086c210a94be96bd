import {
  BrandingInput,
  CreateIntegrationInput,
  CustomDomainInput,
  CustomizationId,
  DeliveryId,
  EnableApiInput,
  EnableWhiteLabelInput,
  IntegrationId,
  ListDeliveriesInput,
  OrganizationId,
  SetFeatureToggleInput,
  SsoDomainId,
  SsoDomainInput,
  SsoInput,
  SsoTestQueryInput,
  UpdateIntegrationInput,
  UploadLogoInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer, publicProcedure, staff } from "../trpc.ts";
import { enableAPI, getApiAccess } from "./api-access.ts";
import { enableWhiteLabel, getBranding, setBranding } from "./branding.ts";
import { deleteCustomization, getCustomizations, getWhiteLabelConfig } from "./customizations.ts";
import { getCustomDomain, setCustomDomain, verifyCustomDomain } from "./domains.ts";
import { setFeatureToggle } from "./feature-toggles.ts";
import {
  createIntegration,
  listDeliveries,
  retryDelivery,
  rotateIntegrationSecret,
  sendTestEvent,
  updateIntegration,
} from "./integrations.ts";
import { uploadLogo } from "./logos.ts";
import { samlServiceProviderFor } from "./saml-sp.ts";
import { getSsoTest, startSsoTest } from "./sso-connection-test.ts";
import { addSsoDomain, listSsoDomains, removeSsoDomain, verifySsoDomain } from "./sso-domains.ts";
import { enableSSO, getSSO } from "./sso-settings.ts";
import { getTheme } from "./theme.ts";

const admins = () => customer("OWNER", "ADMIN");

/**
 * White-label settings. Customer owners and admins manage their own organisation's; every
 * customer reads its branding; staff read any organisation's effective configuration, and
 * staff admins may remove a record (e.g. an SSO setup that locks a customer out).
 */
export const whiteLabelRouter = {
  /** Public: the theme of the page being served (session's organisation, else the Host's verified domain). */
  theme: publicProcedure.query(({ ctx }) =>
    getTheme(ctx, { actor: ctx.actor, host: ctx.request.host ?? null }),
  ),
  branding: customer().query(({ ctx }) => getBranding(serviceContext(ctx), ctx.organizationId)),

  config: admins().query(({ ctx }) => getWhiteLabelConfig(serviceContext(ctx), ctx.organizationId)),
  customizations: admins().query(({ ctx }) => getCustomizations(serviceContext(ctx), ctx.organizationId)),
  enableWhiteLabel: admins()
    .input(EnableWhiteLabelInput)
    .mutation(({ ctx, input }) => enableWhiteLabel(serviceContext(ctx), ctx.organizationId, input.enabled)),
  setBranding: admins()
    .input(BrandingInput)
    .mutation(({ ctx, input }) => setBranding(serviceContext(ctx), ctx.organizationId, input)),
  uploadLogo: admins()
    .input(UploadLogoInput)
    .mutation(({ ctx, input }) => uploadLogo(serviceContext(ctx), ctx, ctx.organizationId, input)),
  domain: admins().query(({ ctx }) => getCustomDomain(serviceContext(ctx), ctx, ctx.organizationId)),
  setCustomDomain: admins()
    .input(CustomDomainInput)
    .mutation(({ ctx, input }) => setCustomDomain(serviceContext(ctx), ctx, ctx.organizationId, input)),
  verifyDomain: admins().mutation(({ ctx }) =>
    verifyCustomDomain(serviceContext(ctx), ctx, ctx.organizationId),
  ),
  sso: admins().query(({ ctx }) => getSSO(serviceContext(ctx), ctx.organizationId)),
  /** What the organisation's IdP admin needs to register us (shown with copy buttons). */
  samlServiceProvider: admins().query(({ ctx }) => samlServiceProviderFor(ctx, ctx.organizationId)),
  enableSSO: admins()
    .input(SsoInput)
    .mutation(({ ctx, input }) => enableSSO(serviceContext(ctx), ctx, ctx.organizationId, input)),
  /** Test the saved SSO settings in a popup; an owner's success unlocks enforcement. */
  startSsoTest: admins().mutation(({ ctx }) => startSsoTest(serviceContext(ctx), ctx.organizationId)),
  ssoTest: admins()
    .input(SsoTestQueryInput)
    .query(({ ctx, input }) => getSsoTest(serviceContext(ctx), ctx.organizationId, input.testId)),
  ssoDomains: admins().query(({ ctx }) => listSsoDomains(serviceContext(ctx), ctx.organizationId)),
  addSsoDomain: admins()
    .input(SsoDomainInput)
    .mutation(({ ctx, input }) => addSsoDomain(serviceContext(ctx), ctx, ctx.organizationId, input)),
  verifySsoDomain: admins()
    .input(SsoDomainId)
    .mutation(({ ctx, input }) =>
      verifySsoDomain(serviceContext(ctx), ctx, ctx.organizationId, input.ssoDomainId),
    ),
  removeSsoDomain: admins()
    .input(SsoDomainId)
    .mutation(({ ctx, input }) =>
      removeSsoDomain(serviceContext(ctx), ctx.organizationId, input.ssoDomainId),
    ),
  apiAccess: admins().query(({ ctx }) => getApiAccess(serviceContext(ctx), ctx.organizationId)),
  enableAPI: admins()
    .input(EnableApiInput)
    .mutation(({ ctx, input }) => enableAPI(serviceContext(ctx), ctx.organizationId, input.enabled)),
  setFeatureToggle: admins()
    .input(SetFeatureToggleInput)
    .mutation(({ ctx, input }) => setFeatureToggle(serviceContext(ctx), ctx.organizationId, input)),
  createIntegration: admins()
    .input(CreateIntegrationInput)
    .mutation(({ ctx, input }) => createIntegration(serviceContext(ctx), ctx, ctx.organizationId, input)),
  updateIntegration: admins()
    .input(UpdateIntegrationInput)
    .mutation(({ ctx, input }) => updateIntegration(serviceContext(ctx), ctx, ctx.organizationId, input)),
  rotateIntegrationSecret: admins()
    .input(IntegrationId)
    .mutation(({ ctx, input }) =>
      rotateIntegrationSecret(serviceContext(ctx), ctx, ctx.organizationId, input.integrationId),
    ),
  sendTestEvent: admins()
    .input(IntegrationId)
    .mutation(({ ctx, input }) =>
      sendTestEvent(serviceContext(ctx), ctx.organizationId, input.integrationId),
    ),
  deliveries: admins()
    .input(ListDeliveriesInput)
    .query(({ ctx, input }) => listDeliveries(serviceContext(ctx), ctx.organizationId, input)),
  retryDelivery: admins()
    .input(DeliveryId)
    .mutation(({ ctx, input }) => retryDelivery(serviceContext(ctx), ctx.organizationId, input.deliveryId)),
  deleteCustomization: admins()
    .input(CustomizationId)
    .mutation(({ ctx, input }) =>
      deleteCustomization(serviceContext(ctx), ctx.organizationId, input.customizationId),
    ),

  organizationConfig: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) => getWhiteLabelConfig(serviceContext(ctx), input.organizationId)),
  organizationSsoDomains: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) => listSsoDomains(serviceContext(ctx), input.organizationId)),
  deleteOrganizationCustomization: staff("ADMIN")
    .input(CustomizationId.extend(OrganizationId.shape))
    .mutation(({ ctx, input }) =>
      deleteCustomization(serviceContext(ctx), input.organizationId, input.customizationId),
    ),
} satisfies TRPCRouterRecord;
