import { Button } from "@tessera/ui";

export interface FilterChip {
  name: string;
  /** What the filter is and its value, e.g. "Tier: GOLD". */
  label: string;
}

/** The filters in force, each with a button that clears it, and one that clears them all. */
export const FilterChips = ({
  chips,
  onClear,
  onClearAll,
}: {
  chips: FilterChip[];
  onClear: (name: string) => void;
  onClearAll: () => void;
}) =>
  chips.length === 0 ? null : (
    <div className="mb-4 flex flex-wrap items-center gap-2 text-sm text-fg-muted">
      <span>Filtered by</span>
      <ul aria-label="Active filters" className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li
            key={chip.name}
            className="inline-flex items-center gap-1 rounded-full border border-line-strong bg-surface-muted py-0.5 pl-3 pr-1"
          >
            {chip.label}
            {/* Named by hidden text, not aria-label, so the chip never answers a field's label lookup. */}
            <button
              type="button"
              onClick={() => onClear(chip.name)}
              className="rounded-full px-1.5 text-fg-muted hover:bg-line hover:text-fg focus-visible:outline-2 focus-visible:outline-ring"
            >
              <span className="sr-only">Clear filter {chip.label}</span>
              <span aria-hidden>×</span>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <Button variant="ghost" onClick={onClearAll}>
          Clear all filters
        </Button>
      )}
    </div>
  );
