import { type ReactNode, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { AccountLayout } from "./account/account-layout.tsx";
import { CONSOLE_NAV, PORTAL_NAV } from "./area-nav.ts";
import {
  HomeRedirect,
  isCustomerAdmin,
  landingOf,
  RequireKind,
  RequireRole,
  useRole,
} from "./auth/session.tsx";
import { CommandPalette } from "./components/command-palette.tsx";
import { Loading } from "./components/loading.tsx";
import { Titled } from "./components/page-title.tsx";
import { Shell } from "./components/shell.tsx";
import {
  AcceptInvitationPage,
  ApiAccessSettingsPage,
  BrandingSettingsPage,
  ConsoleAuditPage,
  DatePreferencesPage,
  DomainSettingsPage,
  FeatureTogglesSettingsPage,
  ForgotPasswordPage,
  IntegrationsSettingsPage,
  LicenseDetailPage,
  LicensesPage,
  MacrosPage,
  NewOrganizationPage,
  NotificationsPage,
  OrganizationDetailPage,
  OrganizationHealthPage,
  OrganizationsPage,
  OrganizationUsagePage,
  OverviewPage,
  PortalApiKeysPage,
  PortalAuditPage,
  PortalLicensePage,
  PortalOrganizationPage,
  PortalTeamPage,
  PortalTicketPage,
  PortalTicketsPage,
  PortalUsagePage,
  ResetPasswordPage,
  ScimSettingsPage,
  SecurityPage,
  SentEmailPage,
  ServiceKeysPage,
  SessionsPage,
  SignInPage,
  SsoSettingsPage,
  SsoTestResultPage,
  StaffTeamPage,
  SupportPage,
  SupportSettingsPage,
  TicketPage,
  UsageTracking,
} from "./lazy-pages.ts";
import { AreaNotFound, UnknownAddress } from "./not-found-routes.tsx";
import { SettingsLayout } from "./portal/settings/settings-layout.tsx";

const NOT_FOUND = "Page not found";

/** A route's page with its tab title (see Titled). */
const titled = (title: string, element: ReactNode) => <Titled page={title}>{element}</Titled>;

/** A page outside both shells, so with its own loading state while its chunk arrives. */
const outsideShell = (title: string, element: ReactNode) =>
  titled(title, <Suspense fallback={<Loading />}>{element}</Suspense>);

/** "Your account" (`…/account/*`), the same in both areas. */
const accountRoutes = (
  <Route path="account" element={<AccountLayout />}>
    <Route index element={<Navigate to="security" replace />} />
    <Route path="security" element={titled("Security", <SecurityPage />)} />
    <Route path="sessions" element={titled("Sessions", <SessionsPage />)} />
    <Route path="notifications" element={titled("Notifications", <NotificationsPage />)} />
    <Route path="date-and-time" element={titled("Date and time", <DatePreferencesPage />)} />
  </Route>
);

/** The portal's settings (`/portal/settings/*`), admins only. */
const settingsRoutes = (
  <>
    <Route index element={<Navigate to="branding" replace />} />
    <Route path="branding" element={titled("Branding", <BrandingSettingsPage />)} />
    <Route path="domain" element={titled("Custom domain", <DomainSettingsPage />)} />
    <Route path="sso" element={titled("Single sign-on", <SsoSettingsPage />)} />
    <Route path="scim" element={titled("Directory sync (SCIM)", <ScimSettingsPage />)} />
    <Route path="sso/test/:testId" element={titled("Single sign-on test", <SsoTestResultPage />)} />
    <Route path="api-access" element={titled("API access", <ApiAccessSettingsPage />)} />
    <Route path="feature-toggles" element={titled("Feature toggles", <FeatureTogglesSettingsPage />)} />
    <Route path="integrations" element={titled("Integrations", <IntegrationsSettingsPage />)} />
  </>
);

const AdminOnly = ({ staff, children }: { staff?: boolean; children: React.ReactNode }) => {
  const role = useRole();
  return <RequireRole allowed={staff ? role === "ADMIN" : isCustomerAdmin(role)}>{children}</RequireRole>;
};

/**
 * Where the console opens (after sign-in too): support agents work the ticket queue, so they
 * land on it; admins and viewers get the overview. Nothing shows until the role is known: an
 * overview shown first would start its loads, and the late redirect could overtake a link the
 * user had already followed.
 */
const ConsoleHome = () => {
  const role = useRole();
  if (role === undefined) return <Loading />;
  return role === "SUPPORT" ? (
    <Navigate to={landingOf({ kind: "STAFF", role })} replace />
  ) : (
    titled("Overview", <OverviewPage />)
  );
};

export const App = () => (
  <BrowserRouter>
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route path="/sign-in" element={outsideShell("Sign in", <SignInPage />)} />
      <Route path="/forgot-password" element={outsideShell("Forgot password", <ForgotPasswordPage />)} />
      <Route path="/reset-password" element={outsideShell("Reset password", <ResetPasswordPage />)} />
      <Route
        path="/accept-invitation"
        element={outsideShell("Accept invitation", <AcceptInvitationPage />)}
      />
      <Route
        path="/console"
        element={
          <RequireKind kind="STAFF">
            <CommandPalette>
              <Shell area="Staff console" nav={CONSOLE_NAV} />
            </CommandPalette>
          </RequireKind>
        }
      >
        <Route index element={<ConsoleHome />} />
        <Route path="organizations" element={titled("Organisations", <OrganizationsPage />)} />
        <Route
          path="organizations/new"
          element={titled(
            "New organisation",
            <AdminOnly staff>
              <NewOrganizationPage />
            </AdminOnly>,
          )}
        />
        <Route
          path="organizations/:organizationId"
          element={titled("Organisation", <OrganizationDetailPage />)}
        />
        <Route
          path="organizations/:organizationId/health"
          element={titled("Organisation health", <OrganizationHealthPage />)}
        />
        <Route path="licenses" element={titled("Licenses", <LicensesPage />)} />
        <Route path="licenses/:licenseId" element={titled("License", <LicenseDetailPage />)} />
        <Route path="usage" element={titled("Usage", <UsageTracking />)} />
        <Route
          path="usage/:organizationId"
          element={titled("Organisation usage", <OrganizationUsagePage />)}
        />
        <Route path="support" element={titled("Support", <SupportPage />)} />
        <Route
          path="support/settings"
          element={titled(
            "Support settings",
            <AdminOnly staff>
              <SupportSettingsPage />
            </AdminOnly>,
          )}
        />
        <Route path="support/macros" element={titled("Macros", <MacrosPage />)} />
        <Route path="support/:ticketId" element={titled("Ticket", <TicketPage />)} />
        <Route path="audit" element={titled("Audit log", <ConsoleAuditPage />)} />
        <Route
          path="service-keys"
          element={titled(
            "Service keys",
            <AdminOnly staff>
              <ServiceKeysPage />
            </AdminOnly>,
          )}
        />
        <Route
          path="sent-email"
          element={titled(
            "Sent email",
            <AdminOnly staff>
              <SentEmailPage />
            </AdminOnly>,
          )}
        />
        <Route
          path="team"
          element={titled(
            "Team",
            <AdminOnly staff>
              <StaffTeamPage />
            </AdminOnly>,
          )}
        />
        {accountRoutes}
        {/* Also unknown addresses under account/: they match none of its children. */}
        <Route path="*" element={titled(NOT_FOUND, <AreaNotFound />)} />
      </Route>
      <Route
        path="/portal"
        element={
          <RequireKind kind="CUSTOMER">
            <Shell area="Customer portal" nav={PORTAL_NAV} />
          </RequireKind>
        }
      >
        <Route index element={titled("Organisation", <PortalOrganizationPage />)} />
        <Route path="license" element={titled("License", <PortalLicensePage />)} />
        <Route path="usage" element={titled("Usage", <PortalUsagePage />)} />
        <Route path="tickets" element={titled("Tickets", <PortalTicketsPage />)} />
        <Route path="tickets/:ticketId" element={titled("Ticket", <PortalTicketPage />)} />
        <Route path="team" element={titled("Team", <PortalTeamPage />)} />
        <Route
          path="api-keys"
          element={titled(
            "API keys",
            <AdminOnly>
              <PortalApiKeysPage />
            </AdminOnly>,
          )}
        />
        <Route
          path="audit"
          element={titled(
            "Audit log",
            <AdminOnly>
              <PortalAuditPage />
            </AdminOnly>,
          )}
        />
        <Route
          path="settings"
          element={
            <AdminOnly>
              <SettingsLayout />
            </AdminOnly>
          }
        >
          {settingsRoutes}
        </Route>
        {accountRoutes}
        {/* Also unknown addresses under account/ and settings/: they match none of their children. */}
        <Route path="*" element={titled(NOT_FOUND, <AreaNotFound />)} />
      </Route>
      <Route path="*" element={titled(NOT_FOUND, <UnknownAddress />)} />
    </Routes>
  </BrowserRouter>
);
