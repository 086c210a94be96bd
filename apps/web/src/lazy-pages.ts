import { type ComponentType, lazy } from "react";

/**
 * Each page is its own chunk, fetched when first opened: the first load carries the shell,
 * the sign-in page and the shared client, not every form and chart of both areas. The
 * shells show a loading state while a page arrives (see Shell).
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

export const DatePreferencesPage = page(
  () => import("./account/date-preferences-page.tsx"),
  "DatePreferencesPage",
);
export const NotificationsPage = page(() => import("./account/notifications-page.tsx"), "NotificationsPage");
export const SecurityPage = page(() => import("./account/security-page.tsx"), "SecurityPage");
export const SignInPage = page(() => import("./sign-in-page.tsx"), "SignInPage");
export const SentEmailPage = page(() => import("./console/sent-email-page.tsx"), "SentEmailPage");
export const SessionsPage = page(() => import("./account/sessions-page.tsx"), "SessionsPage");
export const AcceptInvitationPage = page(
  () => import("./auth/accept-invitation-page.tsx"),
  "AcceptInvitationPage",
);
export const ForgotPasswordPage = page(() => import("./auth/forgot-password-page.tsx"), "ForgotPasswordPage");
export const ResetPasswordPage = page(() => import("./auth/reset-password-page.tsx"), "ResetPasswordPage");
export const StaffTeamPage = page(() => import("./console/staff-team-page.tsx"), "StaffTeamPage");
export const ConsoleAuditPage = page(() => import("./console/audit-page.tsx"), "ConsoleAuditPage");
export const LicenseDetailPage = page(() => import("./console/license-detail-page.tsx"), "LicenseDetailPage");
export const MacrosPage = page(() => import("./console/macros-page.tsx"), "MacrosPage");
export const LicensesPage = page(() => import("./console/licenses-page.tsx"), "LicensesPage");
export const NewOrganizationPage = page(
  () => import("./console/new-organization-page.tsx"),
  "NewOrganizationPage",
);
export const OrganizationDetailPage = page(
  () => import("./console/organization-detail-page.tsx"),
  "OrganizationDetailPage",
);
export const OrganizationHealthPage = page(
  () => import("./console/organization-health-page.tsx"),
  "OrganizationHealthPage",
);
export const OrganizationUsagePage = page(
  () => import("./console/organization-usage-page.tsx"),
  "OrganizationUsagePage",
);
export const OrganizationsPage = page(() => import("./console/organizations-page.tsx"), "OrganizationsPage");
export const OverviewPage = page(() => import("./console/overview-page.tsx"), "OverviewPage");
export const ServiceKeysPage = page(() => import("./console/service-keys-page.tsx"), "ServiceKeysPage");
export const SupportPage = page(() => import("./console/support-page.tsx"), "SupportPage");
export const SupportSettingsPage = page(
  () => import("./console/support-settings-page.tsx"),
  "SupportSettingsPage",
);
export const TicketPage = page(() => import("./console/ticket-page.tsx"), "TicketPage");
export const UsageTracking = page(() => import("./console/usage-tracking-page.tsx"), "UsageTracking");
export const PortalApiKeysPage = page(() => import("./portal/api-keys-page.tsx"), "PortalApiKeysPage");
export const PortalAuditPage = page(() => import("./portal/audit-page.tsx"), "PortalAuditPage");
export const PortalLicensePage = page(() => import("./portal/license-page.tsx"), "PortalLicensePage");
export const PortalOrganizationPage = page(
  () => import("./portal/organization-page.tsx"),
  "PortalOrganizationPage",
);
export const ApiAccessSettingsPage = page(
  () => import("./portal/settings/api-access-page.tsx"),
  "ApiAccessSettingsPage",
);
export const BrandingSettingsPage = page(
  () => import("./portal/settings/branding-page.tsx"),
  "BrandingSettingsPage",
);
export const DomainSettingsPage = page(
  () => import("./portal/settings/domain-page.tsx"),
  "DomainSettingsPage",
);
export const FeatureTogglesSettingsPage = page(
  () => import("./portal/settings/feature-toggles-page.tsx"),
  "FeatureTogglesSettingsPage",
);
export const IntegrationsSettingsPage = page(
  () => import("./portal/settings/integrations-page.tsx"),
  "IntegrationsSettingsPage",
);
export const SsoSettingsPage = page(() => import("./portal/settings/sso-page.tsx"), "SsoSettingsPage");
export const ScimSettingsPage = page(() => import("./portal/settings/scim-page.tsx"), "ScimSettingsPage");
export const SsoTestResultPage = page(
  () => import("./portal/settings/sso-test-result-page.tsx"),
  "SsoTestResultPage",
);
export const PortalTeamPage = page(() => import("./portal/team-page.tsx"), "PortalTeamPage");
export const PortalTicketPage = page(() => import("./portal/ticket-page.tsx"), "PortalTicketPage");
export const PortalTicketsPage = page(() => import("./portal/tickets-page.tsx"), "PortalTicketsPage");
export const PortalUsagePage = page(() => import("./portal/usage-page.tsx"), "PortalUsagePage");
