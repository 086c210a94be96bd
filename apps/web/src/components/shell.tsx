import { ROLE_LABELS } from "@tessera/domain";
import { Button, MenuIcon } from "@tessera/ui";
import { type ReactNode, Suspense, useState } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { homeOf, useMe, useSignOut } from "../auth/session.tsx";
import { useTheme } from "../theme/theme-provider.tsx";
import { BrandMark } from "./brand-mark.tsx";
import { Sheet } from "./deferred-overlays.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";
import { NotificationBell } from "./notification-bell.tsx";
import { OfflineBanner } from "./offline-banner.tsx";

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Only these roles see the item; everyone when absent. */
  roles?: readonly string[];
}

const navLinkClass = (isActive: boolean) =>
  `inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand ${
    isActive
      ? "border-brand text-brand-ink"
      : "border-transparent text-fg-muted hover:border-line-strong hover:text-fg"
  }`;

/** In the phone menu the items stack, the current one marked by a bar at its start. */
const menuLinkClass = (isActive: boolean) =>
  `block rounded-md border-l-4 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand ${
    isActive
      ? "border-brand bg-surface-muted text-brand-ink"
      : "border-transparent text-fg hover:bg-surface-muted"
  }`;

/** The area's pages as links; `onFollow` runs when one is chosen (the phone menu closes). */
const NavLinks = ({
  items,
  linkClass,
  onFollow,
}: {
  items: NavItem[];
  linkClass: (isActive: boolean) => string;
  onFollow?: () => void;
}) =>
  items.map((item) => (
    <li key={item.to}>
      <NavLink
        to={item.to}
        end={item.end ?? false}
        className={({ isActive }) => linkClass(isActive)}
        onClick={onFollow}
      >
        {item.label}
      </NavLink>
    </li>
  ));

/** The signed-in user, when known. */
type Me = ReturnType<typeof useMe>["data"];
type SignOut = ReturnType<typeof useSignOut>;

/** Who is signed in, the way to their account, and sign-out: in the header, or the phone menu. */
const Session = ({
  me,
  signOut,
  className,
  onFollow,
}: {
  me: Me;
  signOut: SignOut;
  className: string;
  onFollow?: () => void;
}) => (
  <div className={className}>
    {me && (
      <span className="min-w-0 break-words">
        <span className="font-medium">{me.name}</span>{" "}
        <span>
          {me.email} · {ROLE_LABELS[me.role]}
        </span>
      </span>
    )}
    {me && (
      <Link
        to={`${homeOf(me.kind)}/account`}
        onClick={onFollow}
        className="rounded-md px-2 py-1 font-medium underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Your account
      </Link>
    )}
    <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
      {signOut.isPending ? "Signing out…" : "Sign out"}
    </Button>
  </div>
);

/** Below the `md` breakpoint the navigation and the session sit behind one menu button. */
const PhoneMenu = ({ items, me, signOut }: { items: NavItem[]; me: Me; signOut: SignOut }) => {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const trigger = (
    <Button variant="secondary" className="px-2.5 md:hidden" aria-label="Menu">
      <MenuIcon />
    </Button>
  );
  return (
    <Sheet open={open} onOpenChange={setOpen} trigger={trigger} title="Menu">
      <nav aria-label="Main">
        <ul className="space-y-1">
          <NavLinks items={items} linkClass={menuLinkClass} onFollow={close} />
        </ul>
      </nav>
      <Session
        me={me}
        signOut={signOut}
        onFollow={close}
        className="mt-6 flex flex-col items-start gap-3 border-t border-line pt-4 text-sm"
      />
    </Sheet>
  );
};

/** The coloured bar: brand and area, then the bell (staff), the session or the phone menu. */
const BrandBar = ({ area, items }: { area: ReactNode; items: NavItem[] }) => {
  const me = useMe();
  const theme = useTheme();
  const signOut = useSignOut();
  return (
    <div data-testid="brand-bar" className="bg-brand-secondary text-on-brand-secondary">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 md:flex-wrap md:px-6">
        <div className="flex min-w-0 items-center gap-3">
          {theme ? (
            <BrandMark companyName={theme.branding.companyName} logoSrc={theme.branding.logoSrc} />
          ) : (
            <span className="h-8" />
          )}
          <span className="whitespace-nowrap rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700">
            {area}
          </span>
        </div>
        <div className="flex shrink-0 items-center gap-3 text-sm">
          <Session me={me.data} signOut={signOut} className="hidden items-center gap-3 md:flex" />
          {me.data?.kind === "STAFF" && <NotificationBell />}
          <PhoneMenu items={items} me={me.data} signOut={signOut} />
        </div>
      </div>
      {signOut.error ? (
        <div className="mx-auto max-w-7xl px-4 pb-3 md:px-6">
          <ErrorAlert error={signOut.error} title="Could not sign out" />
        </div>
      ) : null}
    </div>
  );
};

/**
 * The frame of both areas: the brand (the organisation's in the portal once white-labelled,
 * Tessera's otherwise), navigation, who is signed in, sign-out, and whether we are offline.
 * It shows the route's page, or `children` where no route matched (the not-found view).
 */
export const Shell = ({ area, nav, children }: { area: ReactNode; nav: NavItem[]; children?: ReactNode }) => {
  const me = useMe();
  const { pathname } = useLocation();
  const role = me.data?.role ?? "";
  const items = nav.filter((item) => !item.roles || item.roles.includes(role));
  return (
    <div className="min-h-screen bg-canvas">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-surface focus:px-3 focus:py-2 focus:shadow dark:focus:text-slate-100"
      >
        Skip to content
      </a>
      <header>
        <BrandBar area={area} items={items} />
        <div aria-hidden className="h-1 bg-brand-accent" />
        <nav aria-label="Main" className="hidden border-b border-line bg-surface md:block">
          <ul className="mx-auto -mb-px flex max-w-7xl flex-wrap gap-1 px-6 pt-2">
            <NavLinks items={items} linkClass={navLinkClass} />
          </ul>
        </nav>
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 focus:outline-none md:px-6">
        {/* Keyed by path: a page still loading shows the fallback at once, instead of the
            router's transition keeping the previous page on screen meanwhile. */}
        <Suspense key={pathname} fallback={<Loading label="Loading page…" />}>
          {children ?? <Outlet />}
        </Suspense>
      </main>
    </div>
  );
};
