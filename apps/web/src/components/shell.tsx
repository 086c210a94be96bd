import type { ReactNode } from "react";
import { NavLink, Outlet } from "react-router";
import { useMe, useSignOut } from "../auth/session.tsx";
import { Button, ErrorAlert } from "./ui.tsx";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Only these roles see the item; everyone when absent. */
  roles?: readonly string[];
}

/** The frame of both areas: product name, navigation, who is signed in, sign-out. */
export const Shell = ({ area, nav }: { area: ReactNode; nav: NavItem[] }) => {
  const me = useMe();
  const signOut = useSignOut();
  const role = me.data?.role ?? "";
  const items = nav.filter((item) => !item.roles || item.roles.includes(role));
  return (
    <div className="min-h-screen bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 pt-3">
          <div className="flex items-center gap-3">
            <span className="text-lg font-bold tracking-tight text-indigo-700">Tessera</span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
              {area}
            </span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            {me.data && (
              <span className="text-slate-700">
                <span className="font-medium">{me.data.name}</span>{" "}
                <span className="text-slate-500">
                  {me.data.email} · {me.data.role}
                </span>
              </span>
            )}
            <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
              {signOut.isPending ? "Signing out…" : "Sign out"}
            </Button>
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto mt-2 max-w-7xl px-6">
          <ul className="-mb-px flex gap-1">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end ?? false}
                  className={({ isActive }) =>
                    `inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                      isActive
                        ? "border-indigo-600 text-indigo-700"
                        : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
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
      {signOut.error ? (
        <div className="mx-auto max-w-7xl px-6 pt-4">
          <ErrorAlert error={signOut.error} title="Could not sign out" />
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-6 py-8 focus:outline-none">
        <Outlet />
      </main>
    </div>
  );
};
