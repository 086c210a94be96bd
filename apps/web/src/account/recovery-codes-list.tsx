import { Alert } from "@tessera/ui";
import { CopyButton } from "../components/copy-button.tsx";

/** Recovery codes, shown once after they are made: the only time anyone sees them. */
export const RecoveryCodesList = ({ codes }: { codes: string[] }) => (
  <Alert tone="warning" title="Save your recovery codes now">
    <p className="mt-1">
      Each code signs you in once if you lose your authenticator app. They are not shown again: keep them
      somewhere safe, such as a password manager.
    </p>
    <ul aria-label="Recovery codes" className="my-3 grid grid-cols-2 gap-1 font-mono text-sm">
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ul>
    <CopyButton value={codes.join("\n")} label="recovery codes" />
  </Alert>
);
