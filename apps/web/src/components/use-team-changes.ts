import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ROLE_LABELS } from "@tessera/domain";
import { getQueryKey } from "@trpc/react-query";
import { useState } from "react";
import { trpc } from "../trpc.ts";
import type { Member, MemberChange } from "./team-member-row.tsx";

const PAGE_SIZE = 20;

/**
 * One page of an organisation's members (staff name the organisation; customers get their
 * own) and the one change under way, with the notice saying what the last change did.
 */
export const useTeamChanges = (organizationId: string | undefined) => {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const staffView = organizationId !== undefined;
  const list = useQuery({
    ...(staffView
      ? utils.organizations.users.queryOptions({ organizationId, page, pageSize: PAGE_SIZE })
      : utils.team.list.queryOptions({ page, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: staffView ? getQueryKey(trpc.organizations.users) : getQueryKey(trpc.team.list),
      }),
      utils.audit.invalidate(),
    ]);

  const [confirming, setConfirming] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = utils.client;
  // One change at a time; its progress and its error are shown for the whole table.
  const change = useMutation({
    mutationFn: (input: MemberChange) => {
      if (staffView) return client.organizations.updateUser.mutate(input);
      return "role" in input ? client.team.changeRole.mutate(input) : client.team.setDisabled.mutate(input);
    },
    onMutate: () => setNotice(null),
    onSuccess: async (member, input) => {
      setConfirming(null);
      setNotice(
        "role" in input
          ? `${member.name} is now ${ROLE_LABELS[member.role]}.`
          : `${member.name} is ${input.disabled ? "disabled" : "enabled again"}.`,
      );
      await refresh();
    },
  });
  const pendingFor = change.isPending ? change.variables?.userId : undefined;
  return { list, setPage, refresh, change, pendingFor, confirming, setConfirming, notice, setNotice };
};
