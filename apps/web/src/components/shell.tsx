import { type ReactNode, Suspense } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { homeOf, useMe, useSignOut } from "../auth/session.tsx";
import { useTheme } from "../theme/theme-provider.tsx";
import { BrandMark } from "./brand-mark.tsx";
import { Button } from "./button.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";
import { OfflineBanner } from "./offline-banner.tsx";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Only these roles see the item; everyone when absent. */
  roles?: readonly string[];
}

/**
 * The frame of both areas: the brand (the organisation's in the portal once white-labelled,
 * Tessera's otherwise), navigation, who is signed in, sign-out, and whether we are offline.
 * It shows the route's page, or `children` where no route matched (the not-found view).
 */
export const Shell = ({ area, nav, children }: { area: ReactNode; nav: NavItem[]; children?: ReactNode }) => {
  const me = useMe();
  const theme = useTheme();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const role = me.data?.role ?? "";
  const items = nav.filter((item) => !item.roles || item.roles.includes(role));
  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white dark:focus:bg-slate-900 focus:px-3 focus:py-2 focus:shadow dark:focus:text-slate-100"
      >
        Skip to content
      </a>
      <header>
        <div data-testid="brand-bar" className="bg-brand-secondary text-on-brand-secondary">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
            <div className="flex min-w-0 items-center gap-3">
              {theme ? (
                <BrandMark companyName={theme.branding.companyName} logoSrc={theme.branding.logoSrc} />
              ) : (
                <span className="h-8" />
              )}
              <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700">
                {area}
              </span>
            </div>
            <div className="flex items-center gap-3 text-sm">
              {me.data && (
                <span>
                  <span className="font-medium">{me.data.name}</span>{" "}
                  <span>
                    {me.data.email} · {me.data.role}
                  </span>
                </span>
              )}
              {me.data && (
                <Link
                  to={`${homeOf(me.data.kind)}/account`}
                  className="rounded-md px-2 py-1 font-medium underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2"
                >
                  Your account
                </Link>
              )}
              <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
                {signOut.isPending ? "Signing out…" : "Sign out"}
              </Button>
            </div>
          </div>
        </div>
        <div aria-hidden className="h-1 bg-brand-accent" />
        <nav
          aria-label="Main"
          className="border-b border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900"
        >
          <ul className="mx-auto -mb-px flex max-w-7xl flex-wrap gap-1 px-6 pt-2">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end ?? false}
                  className={({ isActive }) =>
                    `inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand ${
                      isActive
                        ? "border-brand text-brand-ink"
                        : "border-transparent text-slate-600 dark:text-slate-300 hover:border-slate-300 dark:hover:border-slate-600 hover:text-slate-900 dark:hover:text-slate-100"
                    }`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <OfflineBanner />
      {signOut.error ? (
        <div className="mx-auto max-w-7xl px-6 pt-4">
          <ErrorAlert error={signOut.error} title="Could not sign out" />
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-6 py-8 focus:outline-none">
        {/* Keyed by path: a page still loading shows the fallback at once, instead of the
            router's transition keeping the previous page on screen meanwhile. */}
        <Suspense key={pathname} fallback={<Loading label="Loading page…" />}>
          {children ?? <Outlet />}
        </Suspense>
      </main>
    </div>
  );
};
