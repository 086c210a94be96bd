import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";

interface AccountTab {
  /** Path under `…/account/`. */
  to: string;
  label: string;
}

/** The tabs of "Your account", in order; another area adds its own (e.g. notifications) with a route beside. */
export const ACCOUNT_TABS: AccountTab[] = [
  { to: "security", label: "Security" },
  { to: "sessions", label: "Sessions" },
  { to: "notifications", label: "Notifications" },
  { to: "date-and-time", label: "Date and time" },
];

/** "Your account", the same for staff and customers: tabs above the tab open. */
export const AccountLayout = () => (
  <>
    <PageHeader
      title="Your account"
      description="Your password, two-factor authentication, where you are signed in, the emails you get and how dates read."
    />
    <nav aria-label="Your account" className="mb-6 border-b border-line">
      <ul className="-mb-px flex flex-wrap gap-1">
        {ACCOUNT_TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              className={({ isActive }) =>
                `inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand ${
                  isActive
                    ? "border-brand text-brand-ink"
                    : "border-transparent text-fg-muted hover:border-line-strong hover:text-fg"
                }`
              }
            >
              {tab.label}
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
  </>
);
