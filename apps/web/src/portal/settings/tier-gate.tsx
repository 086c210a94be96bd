import { Alert } from "@tessera/ui";
import type { Gate } from "./white-label-data.ts";

/** Why a section is read-only: the license's tier does not include it. */
export const GateNotice = ({ gate, what }: { gate: Gate; what: string }) =>
  gate.allowed ? null : (
    <Alert tone="info" title={`Needs the ${gate.requiredTier} tier`}>
      {what}: available from the {gate.requiredTier} tier up, or with a CUSTOM license that includes it. Your
      account manager can upgrade your license.
    </Alert>
  );
