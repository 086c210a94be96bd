import { useQueryClient } from "@tanstack/react-query";
import { AcceptInvitationInput, ROLE_LABELS } from "@tessera/domain";
import { Button } from "@tessera/ui";
import { useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { refreshTheme } from "../theme/theme-provider.tsx";
import { apiProblem, trpc } from "../trpc.ts";
import { AccountFrame, LinkProblem } from "./link-page-frame.tsx";
import { enrolmentPathOf, homeOf } from "./session.tsx";

const CANNOT_USE = "This invitation can't be used";

/** The invitee's name and password; accepting signs them in, to their console or portal. */
const AcceptForm = ({ token, suggestedName }: { token: string; suggestedName: string }) => {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm({
    schema: AcceptInvitationInput,
    defaultValues: { token, name: suggestedName, password: "" },
  });
  const accept = trpc.auth.acceptInvitation.useMutation({
    onSuccess: async ({ user, mfaEnrolmentRequired }) => {
      // Fetched afresh before leaving: the shell routes by the role and the MFA enrolment flag,
      // and must not start from the signed-out answer still in the cache.
      await utils.auth.me.fetch(undefined, { staleTime: 0 });
      await refreshTheme(queryClient);
      const home = mfaEnrolmentRequired ? enrolmentPathOf(user.kind) : homeOf(user.kind);
      await navigate(home, { replace: true });
    },
    onError: form.showServerErrors,
  });
  const problem = apiProblem(accept.error);
  if (problem?.code === "LINK_INVALID") return <LinkProblem title={CANNOT_USE} message={problem.message} />;
  const submit = form.handleSubmit(
    (input) => accept.mutate(input),
    () => accept.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Accept the invitation" className="space-y-4">
      <FormField control={form.control} label="Your name" name="name" required />
      <FormField
        control={form.control}
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
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
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const invitation = trpc.auth.invitation.useQuery({ token }, { enabled: token !== "", retry: false });
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
      intro={`${data.invitedBy} invited ${data.email} as ${ROLE_LABELS[data.role]}. Choose your name and a password.`}
    >
      <AcceptForm token={token} suggestedName={data.name ?? ""} />
    </AccountFrame>
  );
};
