import type { ReactNode } from "react";
import { NavLink, Outlet } from "react-router";
import { useMe, useSignOut } from "../auth/session.tsx";
import { Button } from "./ui.tsx";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

/** The frame of both areas: product name, navigation, who is signed in, sign-out. */
export const Shell = ({ area, nav }: { area: ReactNode; nav: NavItem[] }) => {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-3">
            <span className="text-lg font-bold text-brand-700">Tessera</span>
            <span className="text-sm text-slate-600">{area}</span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            {me.data && (
              <span className="text-slate-700">
                {me.data.name} <span className="text-slate-500">· {me.data.role}</span>
              </span>
            )}
            <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
              Sign out
            </Button>
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-7xl px-6">
          <ul className="flex gap-1">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end ?? false}
                  className={({ isActive }) =>
                    `inline-block border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        <Outlet />
      </main>
    </div>
  );
};
