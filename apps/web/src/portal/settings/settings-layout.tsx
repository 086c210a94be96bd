import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";

const SECTIONS = [
  { to: "branding", label: "Branding" },
  { to: "domain", label: "Custom domain" },
  { to: "sso", label: "Single sign-on" },
  { to: "scim", label: "Provisioning (SCIM)" },
  { to: "api-access", label: "API access" },
  { to: "feature-toggles", label: "Feature toggles" },
  { to: "integrations", label: "Integrations" },
] as const;

/** The organisation's white-label settings: a section list beside the section open. */
export const SettingsLayout = () => (
  <>
    <PageHeader
      title="Settings"
      description="How your portal looks and where it lives, how your people sign in, and how your systems connect."
    />
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <nav aria-label="Settings">
        <ul className="flex flex-wrap gap-1 md:flex-col">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                className={({ isActive }) =>
                  `block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand ${
                    isActive
                      ? "bg-surface text-brand-ink shadow-sm ring-1 ring-line"
                      : "text-fg-muted hover:bg-surface"
                  }`
                }
              >
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 space-y-6">
        <Suspense fallback={<Loading label="Loading page…" />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  </>
);
