import { Link } from "react-router";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";
import { SupportRoutingCard } from "./support-routing-card.tsx";
import { TeamCalendarForm } from "./team-calendar-form.tsx";

/** Support → Settings (staff admins): teams' business hours and holidays, and routing per tier. */
export const SupportSettingsPage = () => {
  const settings = trpc.supportSettings.get.useQuery();
  return (
    <>
      <PageHeader
        title="Support settings"
        description={
          <>
            Business hours the SLA clocks count in, and how new tickets are routed.{" "}
            <Link to="/console/support" className="underline">
              Back to the queue
            </Link>
          </>
        }
      />
      <QueryState query={settings}>
        {(data) => (
          <div className="space-y-6">
            <SupportRoutingCard routing={data.routing} teams={data.teams} />
            {data.teams.map((team) => (
              // keyed by content too: a save elsewhere that changes the team resets its form
              <TeamCalendarForm key={`${team.id}:${JSON.stringify(team)}`} team={team} />
            ))}
            <TeamCalendarForm />
          </div>
        )}
      </QueryState>
    </>
  );
};
