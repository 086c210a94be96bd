import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AcceptInvitationInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Button } from "../components/button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { Loading } from "../components/loading.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { refreshTheme } from "../theme/theme-provider.tsx";
import { apiProblem, useTRPC } from "../trpc.ts";
import { AccountFrame, LinkProblem } from "./link-page-frame.tsx";
import { enrolmentPathOf, homeOf } from "./session.tsx";

const CANNOT_USE = "This invitation can't be used";

/** The invitee's name and password; accepting signs them in, to their console or portal. */
const AcceptForm = ({ token, suggestedName }: { token: string; suggestedName: string }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(suggestedName);
  const [password, setPassword] = useState("");
  const form = useSchemaForm(AcceptInvitationInput);
  const accept = useMutation(
    trpc.auth.acceptInvitation.mutationOptions({
      onSuccess: async ({ user, mfaEnrolmentRequired }) => {
        // Asked again rather than set: the answer carries the MFA enrolment flag the shell routes by.
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        await refreshTheme(queryClient);
        const home = mfaEnrolmentRequired ? enrolmentPathOf(user.kind) : homeOf(user.kind);
        await navigate(home, { replace: true });
      },
      onError: form.showServerErrors,
    }),
  );
  const problem = apiProblem(accept.error);
  if (problem?.code === "LINK_INVALID") return <LinkProblem title={CANNOT_USE} message={problem.message} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.reset();
    const input = form.parse({ token, name, password });
    if (input) accept.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Accept the invitation" className="space-y-4">
      <Field
        label="Your name"
        name="name"
        value={name}
        onChange={setName}
        error={form.errors.name}
        required
      />
      <Field
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={form.errors.password}
        hint="At least 10 characters; a phrase of unrelated words is best"
        required
      />
      {problem && !form.errors.password && <ErrorAlert error={accept.error} title="Not joined" />}
      <Button type="submit" busy={accept.isPending} className="w-full">
        {accept.isPending ? "Joining…" : "Join"}
      </Button>
    </form>
  );
};

export const AcceptInvitationPage = () => {
  const trpc = useTRPC();
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const invitation = useQuery({
    ...trpc.auth.invitation.queryOptions({ token }),
    enabled: token !== "",
    retry: false,
  });
  if (!token) return <LinkProblem title={CANNOT_USE} message="This link is not valid — ask for a new one" />;
  if (invitation.isPending) return <Loading label="Opening your invitation…" />;
  if (invitation.isError)
    return (
      <LinkProblem
        title={CANNOT_USE}
        message={apiProblem(invitation.error)?.message ?? "This link is not valid"}
      />
    );
  const { data } = invitation;
  const team = data.organizationName ?? "the Tessera staff";
  return (
    <AccountFrame
      title={`Join ${team}`}
      intro={`${data.invitedBy} invited ${data.email} as ${data.role}. Choose your name and a password.`}
    >
      <AcceptForm token={token} suggestedName={data.name ?? ""} />
    </AccountFrame>
  );
};
