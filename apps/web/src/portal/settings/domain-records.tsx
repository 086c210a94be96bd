import type { AppRouter } from "@tessera/api";
import { DOMAIN_LAPSE_HOURS } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { Alert } from "../../components/alert.tsx";
import { Badge } from "../../components/badge.tsx";
import { CopyButton } from "../../components/copy-button.tsx";
import { formatDate } from "../../components/format-date.ts";

export type CustomDomain = NonNullable<inferRouterOutputs<AppRouter>["whiteLabel"]["domain"]>;
type Tone = "slate" | "green" | "amber" | "red";

/** The TXT proof's own state, apart from the domain's status. */
const proofState = (domain: CustomDomain): { tone: Tone; label: string } => {
  if (domain.status === "LAPSED") return { tone: "red", label: "Missing: lapsed" };
  if (domain.status === "VERIFIED") {
    return domain.proofMissingSince
      ? { tone: "amber", label: `Missing since ${formatDate(domain.proofMissingSince)}` }
      : { tone: "green", label: "OK" };
  }
  if (!domain.checkedAt) return { tone: "slate", label: "Not checked yet" };
  return { tone: "red", label: domain.dnsRecords?.length ? "Wrong value" : "Missing" };
};

const ROUTING_STATE = {
  ROUTED: { tone: "green", label: "OK: routed" },
  MISSING: { tone: "amber", label: "Missing" },
  ELSEWHERE: { tone: "red", label: "Points elsewhere" },
  LOOKUP_FAILED: { tone: "red", label: "Lookup failed" },
} as const;

const routingState = (domain: CustomDomain): { tone: Tone; label: string } =>
  domain.routing ? ROUTING_STATE[domain.routing.status] : { tone: "slate", label: "Not checked yet" };

const Copyable = ({ value, label, testId }: { value: string; label: string; testId: string }) => (
  <div className="flex flex-wrap items-center gap-2">
    <code data-testid={testId} className="break-all font-mono text-slate-900 dark:text-slate-100">
      {value}
    </code>
    <CopyButton value={value} label={label} />
  </div>
);

const Row = ({ children }: { children: ReactNode }) => <tr className="align-top">{children}</tr>;
const Cell = ({ children }: { children: ReactNode }) => <td className="py-2 pr-4">{children}</td>;

/** Both records the customer publishes: the TXT proof of control and the routing record(s), each with its state. */
export const DnsRecords = ({ domain }: { domain: CustomDomain }) => {
  const proof = proofState(domain);
  const routing = routingState(domain);
  return (
    <div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Add both records at your DNS provider, then verify. The TXT record proves you control{" "}
        <span className="font-mono">{domain.hostname}</span>; the routing record sends its visitors to Tessera
        (
        {domain.apex ? (
          <>
            an apex name cannot hold a CNAME, so use A/AAAA records with the addresses of{" "}
            <span className="font-mono">{domain.routingTarget}</span>
          </>
        ) : (
          <>
            a CNAME to <span className="font-mono">{domain.routingTarget}</span>
          </>
        )}
        ).
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">DNS records to add</caption>
          <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
            <tr>
              {["Purpose", "Type", "Name", "Value", "State"].map((heading) => (
                <th key={heading} scope="col" className="py-2 pr-4 font-medium">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row>
              <Cell>Proof of control</Cell>
              <Cell>
                <span className="font-mono">{domain.verification.type}</span>
              </Cell>
              <Cell>
                <Copyable value={domain.verification.name} label="record name" testId="dns-record-name" />
              </Cell>
              <Cell>
                <Copyable value={domain.verification.value} label="record value" testId="dns-record-value" />
              </Cell>
              <Cell>
                <span data-testid="txt-state">
                  <Badge tone={proof.tone}>{proof.label}</Badge>
                </span>
              </Cell>
            </Row>
            {domain.routingRecords.map((record, index) => (
              <Row key={`${record.type}-${record.value ?? "unknown"}`}>
                <Cell>Routing</Cell>
                <Cell>
                  <span className="font-mono">{record.type}</span>
                </Cell>
                <Cell>
                  <span className="break-all font-mono">{record.name}</span>
                </Cell>
                <Cell>
                  {record.value ? (
                    <Copyable
                      value={record.value}
                      label={`${record.type} record value`}
                      testId="routing-record-value"
                    />
                  ) : (
                    <>
                      The addresses of <span className="font-mono">{domain.routingTarget}</span>, shown after
                      the first check
                    </>
                  )}
                </Cell>
                <Cell>
                  {index === 0 && (
                    <span data-testid="routing-state">
                      <Badge tone={routing.tone}>{routing.label}</Badge>
                    </span>
                  )}
                </Cell>
              </Row>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};

/** What the status means for the visitors, in one sentence: served, verified but not routed, lapsing, lapsed. */
export const ServingNotice = ({ domain }: { domain: CustomDomain }) => {
  const host = <span className="font-mono">{domain.hostname}</span>;
  if (domain.status === "LAPSED") {
    return (
      <Alert tone="error">
        {host} has lapsed: its TXT proof was missing for {DOMAIN_LAPSE_HOURS} hours, so it is no longer
        served. Publish the TXT record again and verify.
      </Alert>
    );
  }
  if (domain.status !== "VERIFIED") return null;
  if (domain.proofMissingSince) {
    const lapsesAt = new Date(new Date(domain.proofMissingSince).getTime() + DOMAIN_LAPSE_HOURS * 3_600_000);
    return (
      <Alert tone="warning">
        {host} is verified, but its TXT proof is missing since {formatDate(domain.proofMissingSince)}. Unless
        it returns, the domain lapses on {formatDate(lapsesAt)} and stops being served.
      </Alert>
    );
  }
  if (domain.routing?.status === "ROUTED") {
    return <Alert tone="success">{host} is verified and routed: requests on it show your branding.</Alert>;
  }
  return (
    <Alert tone="warning">
      {host} is verified but not yet routed: add the routing record so its visitors reach Tessera.
    </Alert>
  );
};
