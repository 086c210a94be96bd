import { LICENSE_STATUS_LABELS, type LicenseStatus } from "@tessera/domain";
import { Badge } from "@tessera/ui";

const TONES: Record<LicenseStatus, "green" | "amber" | "red" | "slate" | "blue"> = {
  ACTIVE: "green",
  PENDING: "blue",
  SUSPENDED: "amber",
  EXPIRED: "red",
  CANCELLED: "slate",
};

export const LicenseStatusBadge = ({ status }: { status: LicenseStatus }) => (
  <Badge tone={TONES[status]}>{LICENSE_STATUS_LABELS[status]}</Badge>
);
