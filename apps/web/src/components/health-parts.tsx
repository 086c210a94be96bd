import type { ReactNode } from "react";
import { Link } from "react-router";

/** Where a part of the health summary leads; nothing where the viewer may not go. */
export const More = ({ to, children }: { to: string | null; children: string }) =>
  to && (
    <Link className="text-sm font-medium text-indigo-700 dark:text-indigo-300 hover:underline" to={to}>
      {children}
    </Link>
  );

/** One term and its value in a health card. */
export const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex justify-between gap-4 py-1.5 text-sm">
    <dt className="text-fg-muted">{label}</dt>
    <dd className="text-right text-fg">{children}</dd>
  </div>
);
