import { Button } from "@tessera/ui";

/**
 * What an empty list says: nothing exists yet, or nothing matches the filters (with a way to
 * clear them), so an empty filtered list is never mistaken for an empty system.
 */
export const TableEmpty = ({
  filtered,
  empty,
  noMatch,
  onClear,
}: {
  filtered: boolean;
  /** e.g. "No organisations yet." */
  empty: string;
  /** e.g. "No organisations match these filters." */
  noMatch: string;
  onClear?: () => void;
}) => (
  <div className="flex flex-wrap items-center gap-3 py-6 text-sm text-fg-muted">
    <p>{filtered ? noMatch : empty}</p>
    {filtered && onClear && (
      <Button variant="secondary" onClick={onClear}>
        Clear filters
      </Button>
    )}
  </div>
);
