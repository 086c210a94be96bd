import { Spinner } from "@tessera/ui";

export const Loading = ({ label = "Loading…" }: { label?: string }) => (
  <p className="flex items-center gap-2 py-6 text-sm text-fg-muted" role="status">
    <Spinner className="text-fg-muted" />
    {label}
  </p>
);
