import { countOf } from "@tessera/domain";
import { Button } from "@tessera/ui";

export const Pagination = ({
  page,
  pageCount,
  total,
  onPage,
  noun = "item",
  nounPlural,
}: {
  page: number;
  pageCount: number;
  total: number;
  onPage: (page: number) => void;
  /** What is counted, singular; `nounPlural` when adding "s" is wrong. */
  noun?: string;
  nounPlural?: string;
}) => (
  <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-fg-muted">
    <span>
      {countOf(total, noun, nounPlural)} · page {Math.min(page, Math.max(pageCount, 1))} of{" "}
      {Math.max(pageCount, 1)}
    </span>
    <div className="flex gap-2">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button variant="secondary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </div>
  </nav>
);
