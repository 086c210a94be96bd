import { LICENSE_STATUS_LABELS, TIER_LABELS } from "@tessera/domain";
import { trpc } from "../trpc.ts";
import { useDebounced } from "./use-debounced.ts";

/** Few per kind: the palette is for jumping to a record, the lists are for browsing. */
const PER_KIND = 5;

export interface PaletteResult {
  /** Unique in the palette (cmdk's option value). */
  value: string;
  label: string;
  detail: string;
  to: string;
}

/**
 * Organisations, licenses and tickets matching what was typed, through the procedures their
 * console lists use; asked once typing pauses, and not at all before anything is typed.
 */
export const usePaletteSearch = (search: string) => {
  const query = useDebounced(search.trim(), 250);
  const enabled = query.length > 0;
  const organizations = trpc.organizations.list.useQuery({ search: query, pageSize: PER_KIND }, { enabled });
  const licenses = trpc.licenses.list.useQuery({ search: query, pageSize: PER_KIND }, { enabled });
  const tickets = trpc.support.search.useQuery({ query, limit: PER_KIND }, { enabled });
  const pending =
    query !== search.trim() || [organizations, licenses, tickets].some((q) => enabled && q.isFetching);
  // Shown together once all three have answered: results arriving one kind at a time would move
  // the highlighted option under the user's Enter (cmdk keeps whichever came first selected).
  const groups: { heading: string; results: PaletteResult[] }[] =
    enabled && !pending
      ? [
          {
            heading: "Organisations",
            results: (organizations.data?.items ?? []).map((organization) => ({
              value: `organization:${organization.id}`,
              label: organization.name,
              detail: organization.slug,
              to: `/console/organizations/${organization.id}`,
            })),
          },
          {
            heading: "Licenses",
            results: (licenses.data?.items ?? []).map((license) => ({
              value: `license:${license.id}`,
              label: `${license.organizationName ?? "License"} · ${TIER_LABELS[license.tier]}`,
              detail: `${license.keyHint} · ${LICENSE_STATUS_LABELS[license.status]}`,
              to: `/console/licenses/${license.id}`,
            })),
          },
          {
            heading: "Tickets",
            results: (tickets.data?.items ?? []).map((ticket) => ({
              value: `ticket:${ticket.id}`,
              label: `${ticket.reference} ${ticket.subject}`,
              detail: ticket.organizationName,
              to: `/console/support/${ticket.id}`,
            })),
          },
        ]
      : [];
  const failed = [organizations, licenses, tickets].some((q) => q.isError);
  return { groups, pending, failed };
};
