import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { Loading } from "../components/ui.tsx";
import { useTRPC } from "../trpc.ts";

export const useMe = () => {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
};

export const useSignOut = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: async () => {
        queryClient.clear();
        await navigate("/sign-in");
      },
    }),
  );
};

/** Only this kind of user sees the children; others go to their own area, strangers to sign-in. */
export const RequireKind = ({ kind, children }: { kind: "STAFF" | "CUSTOMER"; children: ReactNode }) => {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (me.data.kind !== kind)
    return <Navigate to={me.data.kind === "STAFF" ? "/console" : "/portal"} replace />;
  return <>{children}</>;
};

export const HomeRedirect = () => {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/sign-in" replace />;
  return <Navigate to={me.data.kind === "STAFF" ? "/console" : "/portal"} replace />;
};
