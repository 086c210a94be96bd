import { DOMAIN_STATUS_LABELS, type DomainStatus } from "@tessera/domain";
import { Badge } from "@tessera/ui";

const TONES: Record<DomainStatus, "green" | "amber" | "red"> = {
  PENDING: "amber",
  VERIFIED: "green",
  FAILED: "red",
  LAPSED: "red",
};

/** A custom domain's or an SSO domain claim's status, in words. */
export const DomainStatusBadge = ({ status }: { status: DomainStatus }) => (
  <Badge tone={TONES[status]}>{DOMAIN_STATUS_LABELS[status]}</Badge>
);
