import { useQueryClient } from "@tanstack/react-query";
import { CUSTOMER_ADMIN_ROLES, type TicketView } from "@tessera/domain";
import { Alert } from "@tessera/ui";
import type { ReactNode } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { LoadError, type RetryableQuery } from "../components/load-error.tsx";
import { Loading } from "../components/loading.tsx";
import { refreshTheme } from "../theme/theme-provider.tsx";
import { apiProblem, isThemeQuery, trpc } from "../trpc.ts";

export type UserKind = "STAFF" | "CUSTOMER";

export const useMe = () => {
  return trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
};

/** The signed-in user's role (undefined while loading or signed out). */
export const useRole = () => useMe().data?.role;

/** Customer owners and admins administer their organisation; members only look. */
export const isCustomerAdmin = (role: string | undefined) =>
  (CUSTOMER_ADMIN_ROLES as readonly string[]).includes(role ?? "");

export const homeOf = (kind: UserKind) => (kind === "STAFF" ? "/console" : "/portal");

/** Where Support opens: agents on their own tickets, everyone else on every open ticket. */
export const landingView = (role: string | undefined): TicketView =>
  role === "SUPPORT" ? "MINE" : "ALL_OPEN";

/**
 * Where a user starts: their area's home, except support agents, who work their own queue and
 * go straight to it (a redirect from the home would be a second navigation racing their clicks).
 */
export const landingOf = (user: { kind: UserKind; role: string }) =>
  user.kind === "STAFF" && user.role === "SUPPORT"
    ? `/console/support?view=${landingView(user.role)}`
    : homeOf(user.kind);

/** Where a user who must turn on MFA first is sent (their session may do nothing else). */
export const enrolmentPathOf = (kind: UserKind) => `${homeOf(kind)}/account/security`;

export const useSignOut = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Forget everything of the session; the theme (observed by the provider at the root) is
  // asked again instead, so the sign-in page stops showing the organisation's branding.
  const signedOut = async () => {
    queryClient.removeQueries({ predicate: (query) => !isThemeQuery(query.queryKey) });
    queryClient.getMutationCache().clear();
    await navigate("/sign-in", { replace: true });
    await refreshTheme(queryClient);
  };
  return trpc.auth.signOut.useMutation({
    onSuccess: signedOut,
    // Already signed out (the session expired): the same as a successful sign-out.
    onError: async (error) => {
      if (apiProblem(error)?.code === "UNAUTHENTICATED") await signedOut();
    },
  });
};

const SessionProblem = ({ me }: { me: RetryableQuery }) => (
  <main className="mx-auto max-w-md px-6 py-16">
    <LoadError query={me} title="Could not reach Tessera" />
  </main>
);

/** Only this kind of user sees the children; others go to their own area, strangers to sign-in. */
export const RequireKind = ({ kind, children }: { kind: UserKind; children: ReactNode }) => {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.error && !me.data) return <SessionProblem me={me} />;
  if (!me.data)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.kind !== kind) return <Navigate to={homeOf(me.data.kind)} replace />;
  const enrolment = enrolmentPathOf(me.data.kind);
  if (me.data.mfaEnrolmentRequired && location.pathname !== enrolment)
    return <Navigate to={enrolment} replace />;
  return <>{children}</>;
};

/** A page only some roles may open; the others get a plain explanation instead of an API error. */
export const RequireRole = ({ allowed, children }: { allowed: boolean; children: ReactNode }) =>
  allowed ? (
    children
  ) : (
    <Alert tone="info" title="Not available for your role">
      Ask an owner or admin of your organisation if you need this.
    </Alert>
  );

export const HomeRedirect = () => {
  const me = useMe();
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.error && !me.data) return <SessionProblem me={me} />;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  return <Navigate to={landingOf(me.data)} replace />;
};
