import type { AppRouter } from "@tessera/api";
import { DOMAIN_LAPSE_HOURS } from "@tessera/domain";
import {
  Alert,
  Badge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { CopyButton } from "../../components/copy-button.tsx";
import type { DateFormatter } from "../../components/dates/date-format.ts";
import { useDateFormat } from "../../components/dates/use-date-format.ts";

export type CustomDomain = NonNullable<inferRouterOutputs<AppRouter>["whiteLabel"]["domain"]>;
type Tone = "slate" | "green" | "amber" | "red";

/** The TXT proof's own state, apart from the domain's status. */
const proofState = (domain: CustomDomain, dates: DateFormatter): { tone: Tone; label: string } => {
  if (domain.status === "LAPSED") return { tone: "red", label: "Missing: lapsed" };
  if (domain.status === "VERIFIED") {
    return domain.proofMissingSince
      ? { tone: "amber", label: `Missing since ${dates.instant(domain.proofMissingSince)}` }
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
    <code data-testid={testId} className="break-all font-mono text-fg">
      {value}
    </code>
    <CopyButton value={value} label={label} />
  </div>
);

/** Both records the customer publishes: the TXT proof of control and the routing record(s), each with its state. */
export const DnsRecords = ({ domain }: { domain: CustomDomain }) => {
  const dates = useDateFormat();
  const proof = proofState(domain, dates);
  const routing = routingState(domain);
  return (
    <div>
      <p className="text-sm text-fg">
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
      <Table label="DNS records to add" className="mt-3">
        <TableCaption>DNS records to add</TableCaption>
        <TableHeader>
          <tr>
            {["Purpose", "Type", "Name", "Value", "State"].map((heading) => (
              <TableHead key={heading}>{heading}</TableHead>
            ))}
          </tr>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>Proof of control</TableCell>
            <TableCell>
              <span className="font-mono">{domain.verification.type}</span>
            </TableCell>
            <TableCell>
              <Copyable value={domain.verification.name} label="record name" testId="dns-record-name" />
            </TableCell>
            <TableCell>
              <Copyable value={domain.verification.value} label="record value" testId="dns-record-value" />
            </TableCell>
            <TableCell>
              <span data-testid="txt-state">
                <Badge tone={proof.tone}>{proof.label}</Badge>
              </span>
            </TableCell>
          </TableRow>
          {domain.routingRecords.map((record, index) => (
            <TableRow key={`${record.type}-${record.value ?? "unknown"}`}>
              <TableCell>Routing</TableCell>
              <TableCell>
                <span className="font-mono">{record.type}</span>
              </TableCell>
              <TableCell>
                <span className="break-all font-mono">{record.name}</span>
              </TableCell>
              <TableCell>
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
              </TableCell>
              <TableCell>
                {index === 0 && (
                  <span data-testid="routing-state">
                    <Badge tone={routing.tone}>{routing.label}</Badge>
                  </span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};

/** What the status means for the visitors, in one sentence: served, verified but not routed, lapsing, lapsed. */
export const ServingNotice = ({ domain }: { domain: CustomDomain }) => {
  const dates = useDateFormat();
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
        {host} is verified, but its TXT proof is missing since {dates.instant(domain.proofMissingSince)}.
        Unless it returns, the domain lapses on {dates.instant(lapsesAt)} and stops being served.
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
