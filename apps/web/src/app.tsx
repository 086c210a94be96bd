import { CUSTOMER_ADMIN_ROLES } from "@tessera/domain";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { HomeRedirect, isCustomerAdmin, RequireKind, RequireRole, useRole } from "./auth/session.tsx";
import { type NavItem, Shell } from "./components/shell.tsx";
import { ConsoleAuditPage } from "./console/audit-page.tsx";
import { LicenseDetailPage } from "./console/license-detail-page.tsx";
import { LicensesPage } from "./console/licenses-page.tsx";
import { NewOrganizationPage } from "./console/new-organization-page.tsx";
import { OrganizationDetailPage } from "./console/organization-detail-page.tsx";
import { OrganizationHealthPage } from "./console/organization-health-page.tsx";
import { OrganizationUsagePage } from "./console/organization-usage-page.tsx";
import { OrganizationsPage } from "./console/organizations-page.tsx";
import { OverviewPage } from "./console/overview-page.tsx";
import { SupportPage } from "./console/support-page.tsx";
import { TicketPage } from "./console/ticket-page.tsx";
import { UsageTracking } from "./console/usage-tracking-page.tsx";
import { PortalApiKeysPage } from "./portal/api-keys-page.tsx";
import { PortalAuditPage } from "./portal/audit-page.tsx";
import { PortalLicensePage } from "./portal/license-page.tsx";
import { PortalOrganizationPage } from "./portal/organization-page.tsx";
import { ApiAccessSettingsPage } from "./portal/settings/api-access-page.tsx";
import { BrandingSettingsPage } from "./portal/settings/branding-page.tsx";
import { DomainSettingsPage } from "./portal/settings/domain-page.tsx";
import { FeatureTogglesSettingsPage } from "./portal/settings/feature-toggles-page.tsx";
import { IntegrationsSettingsPage } from "./portal/settings/integrations-page.tsx";
import { SettingsLayout } from "./portal/settings/settings-layout.tsx";
import { SsoSettingsPage } from "./portal/settings/sso-page.tsx";
import { PortalTeamPage } from "./portal/team-page.tsx";
import { PortalTicketPage } from "./portal/ticket-page.tsx";
import { PortalTicketsPage } from "./portal/tickets-page.tsx";
import { PortalUsagePage } from "./portal/usage-page.tsx";
import { SignInPage } from "./sign-in-page.tsx";

const CONSOLE_NAV: NavItem[] = [
  { to: "/console", label: "Overview", end: true },
  { to: "/console/organizations", label: "Organisations" },
  { to: "/console/licenses", label: "Licenses" },
  { to: "/console/usage", label: "Usage" },
  { to: "/console/support", label: "Support" },
  { to: "/console/audit", label: "Audit log" },
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
        <Route path="support/:ticketId" element={<TicketPage />} />
        <Route path="audit" element={<ConsoleAuditPage />} />
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
          <Route path="api-access" element={<ApiAccessSettingsPage />} />
          <Route path="feature-toggles" element={<FeatureTogglesSettingsPage />} />
          <Route path="integrations" element={<IntegrationsSettingsPage />} />
          <Route path="*" element={<Navigate to="branding" replace />} />
        </Route>
        <Route path="*" element={<Navigate to="/portal" replace />} />
      </Route>
      <Route path="*" element={<HomeRedirect />} />
    </Routes>
  </BrowserRouter>
);
