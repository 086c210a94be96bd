import { DomainStatusBadge } from "../components/domain-status-badge.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";

/** The organisation's SSO email domain claims as staff see them: only VERIFIED ones route sign-ins. */
export const SsoDomainClaims = ({ organizationId }: { organizationId: string }) => {
  const claims = trpc.whiteLabel.organizationSsoDomains.useQuery({ organizationId });
  return (
    <QueryState query={claims}>
      {(rows) =>
        rows.length === 0 ? (
          <>None claimed</>
        ) : (
          <ul className="space-y-1">
            {rows.map((claim) => (
              <li key={claim.id} className="flex flex-wrap items-center gap-2">
                <span className="font-mono">{claim.domain}</span>
                <DomainStatusBadge status={claim.status} />
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
};
