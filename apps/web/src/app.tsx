import { CUSTOMER_ADMIN_ROLES } from "@tessera/domain";
import { type ComponentType, lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { AccountLayout } from "./account/account-layout.tsx";
import { HomeRedirect, isCustomerAdmin, RequireKind, RequireRole, useRole } from "./auth/session.tsx";
import { Loading } from "./components/loading.tsx";
import { type NavItem, Shell } from "./components/shell.tsx";
import { SettingsLayout } from "./portal/settings/settings-layout.tsx";
import { SignInPage } from "./sign-in-page.tsx";

/**
 * Each page is its own chunk, fetched when first opened: the first load carries the shell,
 * the sign-in page and the shared client, not every form and chart of both areas. The
 * shells show a loading state while a page arrives (see Shell).
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const NotificationsPage = page(() => import("./account/notifications-page.tsx"), "NotificationsPage");
const SecurityPage = page(() => import("./account/security-page.tsx"), "SecurityPage");
const SentEmailPage = page(() => import("./console/sent-email-page.tsx"), "SentEmailPage");
const SessionsPage = page(() => import("./account/sessions-page.tsx"), "SessionsPage");
const AcceptInvitationPage = page(() => import("./auth/accept-invitation-page.tsx"), "AcceptInvitationPage");
const ForgotPasswordPage = page(() => import("./auth/forgot-password-page.tsx"), "ForgotPasswordPage");
const ResetPasswordPage = page(() => import("./auth/reset-password-page.tsx"), "ResetPasswordPage");
const StaffTeamPage = page(() => import("./console/staff-team-page.tsx"), "StaffTeamPage");
const ConsoleAuditPage = page(() => import("./console/audit-page.tsx"), "ConsoleAuditPage");
const LicenseDetailPage = page(() => import("./console/license-detail-page.tsx"), "LicenseDetailPage");
const MacrosPage = page(() => import("./console/macros-page.tsx"), "MacrosPage");
const LicensesPage = page(() => import("./console/licenses-page.tsx"), "LicensesPage");
const NewOrganizationPage = page(() => import("./console/new-organization-page.tsx"), "NewOrganizationPage");
const OrganizationDetailPage = page(
  () => import("./console/organization-detail-page.tsx"),
  "OrganizationDetailPage",
);
const OrganizationHealthPage = page(
  () => import("./console/organization-health-page.tsx"),
  "OrganizationHealthPage",
);
const OrganizationUsagePage = page(
  () => import("./console/organization-usage-page.tsx"),
  "OrganizationUsagePage",
);
const OrganizationsPage = page(() => import("./console/organizations-page.tsx"), "OrganizationsPage");
const OverviewPage = page(() => import("./console/overview-page.tsx"), "OverviewPage");
const ServiceKeysPage = page(() => import("./console/service-keys-page.tsx"), "ServiceKeysPage");
const SupportPage = page(() => import("./console/support-page.tsx"), "SupportPage");
const SupportSettingsPage = page(() => import("./console/support-settings-page.tsx"), "SupportSettingsPage");
const TicketPage = page(() => import("./console/ticket-page.tsx"), "TicketPage");
const UsageTracking = page(() => import("./console/usage-tracking-page.tsx"), "UsageTracking");
const PortalApiKeysPage = page(() => import("./portal/api-keys-page.tsx"), "PortalApiKeysPage");
const PortalAuditPage = page(() => import("./portal/audit-page.tsx"), "PortalAuditPage");
const PortalLicensePage = page(() => import("./portal/license-page.tsx"), "PortalLicensePage");
const PortalOrganizationPage = page(() => import("./portal/organization-page.tsx"), "PortalOrganizationPage");
const ApiAccessSettingsPage = page(
  () => import("./portal/settings/api-access-page.tsx"),
  "ApiAccessSettingsPage",
);
const BrandingSettingsPage = page(
  () => import("./portal/settings/branding-page.tsx"),
  "BrandingSettingsPage",
);
const DomainSettingsPage = page(() => import("./portal/settings/domain-page.tsx"), "DomainSettingsPage");
const FeatureTogglesSettingsPage = page(
  () => import("./portal/settings/feature-toggles-page.tsx"),
  "FeatureTogglesSettingsPage",
);
const IntegrationsSettingsPage = page(
  () => import("./portal/settings/integrations-page.tsx"),
  "IntegrationsSettingsPage",
);
const SsoSettingsPage = page(() => import("./portal/settings/sso-page.tsx"), "SsoSettingsPage");
const ScimSettingsPage = page(() => import("./portal/settings/scim-page.tsx"), "ScimSettingsPage");
const SsoTestResultPage = page(
  () => import("./portal/settings/sso-test-result-page.tsx"),
  "SsoTestResultPage",
);
const PortalTeamPage = page(() => import("./portal/team-page.tsx"), "PortalTeamPage");
const PortalTicketPage = page(() => import("./portal/ticket-page.tsx"), "PortalTicketPage");
const PortalTicketsPage = page(() => import("./portal/tickets-page.tsx"), "PortalTicketsPage");
const PortalUsagePage = page(() => import("./portal/usage-page.tsx"), "PortalUsagePage");

const CONSOLE_NAV: NavItem[] = [
  { to: "/console", label: "Overview", end: true },
  { to: "/console/organizations", label: "Organisations" },
  { to: "/console/licenses", label: "Licenses" },
  { to: "/console/usage", label: "Usage" },
  { to: "/console/support", label: "Support" },
  { to: "/console/audit", label: "Audit log" },
  { to: "/console/service-keys", label: "Service keys", roles: ["ADMIN"] },
  { to: "/console/sent-email", label: "Sent email", roles: ["ADMIN"] },
  { to: "/console/team", label: "Team", roles: ["ADMIN"] },
];

const PORTAL_NAV: NavItem[] = [
  { to: "/portal", label: "Organisation", end: true },
  { to: "/portal/license", label: "License" },
  { to: "/portal/usage", label: "Usage" },
  { to: "/portal/tickets", label: "Tickets" },
  { to: "/portal/team", label: "Team" },
  { to: "/portal/api-keys", label: "API keys", roles: CUSTOMER_ADMIN_ROLES },
  { to: "/portal/audit", label: "Audit log", roles: CUSTOMER_ADMIN_ROLES },
  { to: "/portal/settings", label: "Settings", roles: CUSTOMER_ADMIN_ROLES },
];

/** "Your account" (`…/account/*`), the same in both areas. */
const accountRoutes = (
  <Route path="account" element={<AccountLayout />}>
    <Route index element={<Navigate to="security" replace />} />
    <Route path="security" element={<SecurityPage />} />
    <Route path="sessions" element={<SessionsPage />} />
    <Route path="notifications" element={<NotificationsPage />} />
    <Route path="*" element={<Navigate to="security" replace />} />
  </Route>
);

const AdminOnly = ({ staff, children }: { staff?: boolean; children: React.ReactNode }) => {
  const role = useRole();
  return <RequireRole allowed={staff ? role === "ADMIN" : isCustomerAdmin(role)}>{children}</RequireRole>;
};

export const App = () => (
  <BrowserRouter>
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        path="/forgot-password"
        element={
          <Suspense fallback={<Loading />}>
            <ForgotPasswordPage />
          </Suspense>
        }
      />
      <Route
        path="/reset-password"
        element={
          <Suspense fallback={<Loading />}>
            <ResetPasswordPage />
          </Suspense>
        }
      />
      <Route
        path="/accept-invitation"
        element={
          <Suspense fallback={<Loading />}>
            <AcceptInvitationPage />
          </Suspense>
        }
      />
      <Route
        path="/console"
        element={
          <RequireKind kind="STAFF">
            <Shell area="Staff console" nav={CONSOLE_NAV} />
          </RequireKind>
        }
      >
        <Route index element={<OverviewPage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route
          path="organizations/new"
          element={
            <AdminOnly staff>
              <NewOrganizationPage />
            </AdminOnly>
          }
        />
        <Route path="organizations/:organizationId" element={<OrganizationDetailPage />} />
        <Route path="organizations/:organizationId/health" element={<OrganizationHealthPage />} />
        <Route path="licenses" element={<LicensesPage />} />
        <Route path="licenses/:licenseId" element={<LicenseDetailPage />} />
        <Route path="usage" element={<UsageTracking />} />
        <Route path="usage/:organizationId" element={<OrganizationUsagePage />} />
        <Route path="support" element={<SupportPage />} />
        <Route
          path="support/settings"
          element={
            <AdminOnly staff>
              <SupportSettingsPage />
            </AdminOnly>
          }
        />
        <Route path="support/macros" element={<MacrosPage />} />
        <Route path="support/:ticketId" element={<TicketPage />} />
        <Route path="audit" element={<ConsoleAuditPage />} />
        <Route
          path="service-keys"
          element={
            <AdminOnly staff>
              <ServiceKeysPage />
            </AdminOnly>
          }
        />
        <Route
          path="sent-email"
          element={
            <AdminOnly staff>
              <SentEmailPage />
            </AdminOnly>
          }
        />
        <Route
          path="team"
          element={
            <AdminOnly staff>
              <StaffTeamPage />
            </AdminOnly>
          }
        />
        {accountRoutes}
        <Route path="*" element={<Navigate to="/console" replace />} />
      </Route>
      <Route
        path="/portal"
        element={
          <RequireKind kind="CUSTOMER">
            <Shell area="Customer portal" nav={PORTAL_NAV} />
          </RequireKind>
        }
      >
        <Route index element={<PortalOrganizationPage />} />
        <Route path="license" element={<PortalLicensePage />} />
        <Route path="usage" element={<PortalUsagePage />} />
        <Route path="tickets" element={<PortalTicketsPage />} />
        <Route path="tickets/:ticketId" element={<PortalTicketPage />} />
        <Route path="team" element={<PortalTeamPage />} />
        <Route
          path="api-keys"
          element={
            <AdminOnly>
              <PortalApiKeysPage />
            </AdminOnly>
          }
        />
        <Route
          path="audit"
          element={
            <AdminOnly>
              <PortalAuditPage />
            </AdminOnly>
          }
        />
        <Route
          path="settings"
          element={
            <AdminOnly>
              <SettingsLayout />
            </AdminOnly>
          }
        >
          <Route index element={<Navigate to="branding" replace />} />
          <Route path="branding" element={<BrandingSettingsPage />} />
          <Route path="domain" element={<DomainSettingsPage />} />
          <Route path="sso" element={<SsoSettingsPage />} />
          <Route path="scim" element={<ScimSettingsPage />} />
          <Route path="sso/test/:testId" element={<SsoTestResultPage />} />
          <Route path="api-access" element={<ApiAccessSettingsPage />} />
          <Route path="feature-toggles" element={<FeatureTogglesSettingsPage />} />
          <Route path="integrations" element={<IntegrationsSettingsPage />} />
          <Route path="*" element={<Navigate to="branding" replace />} />
        </Route>
        {accountRoutes}
        <Route path="*" element={<Navigate to="/portal" replace />} />
      </Route>
      <Route path="*" element={<HomeRedirect />} />
    </Routes>
  </BrowserRouter>
);
