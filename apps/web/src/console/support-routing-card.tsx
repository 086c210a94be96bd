import { SUPPORT_ROUTING_MODES, type SupportRoutingMode, TIER_LABELS, type Tier } from "@tessera/domain";
import { Alert, Button, Card, NativeSelect } from "@tessera/ui";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../components/error-alert.tsx";
import { trpc } from "../trpc.ts";

interface TierRouting {
  tier: Tier;
  mode: SupportRoutingMode;
  teamId: string | null;
}

const MODE_LABELS: Record<SupportRoutingMode, string> = {
  LEAST_LOAD: "Least load (fewest open tickets)",
  ROUND_ROBIN: "Round robin (each agent in turn)",
};
const DEFAULT_TEAM = "";

/** One tier's routing mode and team, saved on its own. */
const TierRow = ({ routing, teams }: { routing: TierRouting; teams: { id: string; name: string }[] }) => {
  const utils = trpc.useUtils();
  const tier = TIER_LABELS[routing.tier];
  const [mode, setMode] = useState(routing.mode);
  const [teamId, setTeamId] = useState(routing.teamId ?? DEFAULT_TEAM);
  const save = trpc.supportSettings.setRouting.useMutation({
    onSuccess: () => utils.supportSettings.get.invalidate(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ tier: routing.tier, mode, teamId: teamId || null });
  };
  return (
    <form
      onSubmit={submit}
      aria-label={`${tier} routing`}
      className="grid items-end gap-4 md:grid-cols-[1fr_1fr_auto]"
    >
      <NativeSelect
        label={`${tier}: how tickets find an agent`}
        name={`routing-${routing.tier}-mode`}
        value={mode}
        onChange={(value) => setMode(value as SupportRoutingMode)}
        options={SUPPORT_ROUTING_MODES.map((value) => ({ value, label: MODE_LABELS[value] }))}
      />
      <NativeSelect
        label={`${tier}: team and business hours`}
        name={`routing-${routing.tier}-team`}
        value={teamId}
        onChange={setTeamId}
        options={[
          { value: DEFAULT_TEAM, label: "Default team" },
          ...teams.map((team) => ({ value: team.id, label: team.name })),
        ]}
      />
      <Button type="submit" variant="secondary" busy={save.isPending}>
        Save {tier}
      </Button>
      <div className="md:col-span-3">
        <ErrorAlert error={save.error} title="Not saved" />
        {save.isSuccess && <Alert tone="success">{tier} routing saved.</Alert>}
      </div>
    </form>
  );
};

/**
 * Routing per license tier. An ENTERPRISE or CUSTOM organisation's account manager still comes
 * first; tickets without a license in force go by least load to the default team.
 */
export const SupportRoutingCard = ({
  routing,
  teams,
}: {
  routing: TierRouting[];
  teams: { id: string; name: string }[];
}) => (
  <Card title="Routing">
    <p className="mb-4 text-sm text-fg-muted">
      Round robin takes active support agents in turn, whatever their load; least load picks the agent with
      the fewest open tickets. Viewers, admins and disabled users are never picked. An account manager still
      comes first.
    </p>
    <div className="space-y-6">
      {routing.map((row) => (
        <TierRow key={row.tier} routing={row} teams={teams} />
      ))}
    </div>
  </Card>
);
