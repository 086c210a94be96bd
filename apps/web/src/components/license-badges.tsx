import type { LicenseStatus } from "@tessera/domain";
import { Badge } from "./badge.tsx";

const TONES: Record<LicenseStatus, "green" | "amber" | "red" | "slate" | "blue"> = {
  ACTIVE: "green",
  PENDING: "blue",
  SUSPENDED: "amber",
  EXPIRED: "red",
  CANCELLED: "slate",
};

export const LicenseStatusBadge = ({ status }: { status: LicenseStatus }) => (
  <Badge tone={TONES[status]}>{status}</Badge>
);
