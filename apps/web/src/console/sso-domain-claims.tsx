import { useQuery } from "@tanstack/react-query";
import { Badge } from "../components/badge.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";

const TONE = { PENDING: "amber", VERIFIED: "green", FAILED: "red" } as const;

/** The organisation's SSO email domain claims as staff see them: only VERIFIED ones route sign-ins. */
export const SsoDomainClaims = ({ organizationId }: { organizationId: string }) => {
  const trpc = useTRPC();
  const claims = useQuery(trpc.whiteLabel.organizationSsoDomains.queryOptions({ organizationId }));
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
                <Badge tone={TONE[claim.status]}>{claim.status}</Badge>
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
};
