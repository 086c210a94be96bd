import { useLocation } from "react-router";
import { CONSOLE_NAV, PORTAL_NAV } from "./area-nav.ts";
import { RequireKind, useMe } from "./auth/session.tsx";
import { Loading } from "./components/loading.tsx";
import { areaHomeLink, NotFound, type NotFoundLink } from "./components/not-found.tsx";
import { type NavItem, Shell } from "./components/shell.tsx";

const AREA = {
  STAFF: { name: "Staff console", nav: CONSOLE_NAV },
  CUSTOMER: { name: "Customer portal", nav: PORTAL_NAV },
} as const;

const notThere = (pathname: string) =>
  `There is no page at ${pathname}. The address may be mistyped, or the page may have moved.`;

/** The section an unknown address sits under (".../licenses/x/y" is under Licenses), if any. */
const sectionOf = (pathname: string, nav: NavItem[], role: string): NotFoundLink | null => {
  const [home, ...sections] = nav;
  const account: NavItem = { to: `${home?.to}/account`, label: "Your account" };
  const section = [...sections, account]
    .filter((item) => !item.roles || item.roles.includes(role))
    .find((item) => pathname.startsWith(`${item.to}/`));
  return section ? { to: section.to, label: `Back to ${section.label}` } : null;
};

const navOf = (pathname: string) => (pathname.startsWith("/portal/") ? PORTAL_NAV : CONSOLE_NAV);

/**
 * An unknown address inside an area (`/console/…`, `/portal/…`), shown in its shell; `nav`
 * is the area's when the address itself is in neither.
 */
export const AreaNotFound = ({ nav: given }: { nav?: NavItem[] }) => {
  const { pathname } = useLocation();
  const nav = given ?? navOf(pathname);
  const role = useMe().data?.role ?? "";
  const section = sectionOf(pathname, nav, role);
  const home = areaHomeLink(nav[0]?.to ?? pathname);
  return <NotFound message={notThere(pathname)} links={section ? [section, home] : [home]} />;
};

/**
 * An unknown address outside both areas: in the user's own shell when signed in, else on
 * its own with the way to sign in (the address alone says nothing about where to go).
 */
export const UnknownAddress = () => {
  const me = useMe();
  const { pathname } = useLocation();
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (!me.data)
    return (
      <main id="main" className="mx-auto max-w-xl px-6 py-16">
        <NotFound message={notThere(pathname)} links={[{ to: "/sign-in", label: "Sign in" }]} />
      </main>
    );
  const area = AREA[me.data.kind];
  return (
    <RequireKind kind={me.data.kind}>
      <Shell area={area.name} nav={area.nav}>
        <AreaNotFound nav={area.nav} />
      </Shell>
    </RequireKind>
  );
};
