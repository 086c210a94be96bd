import type { ReactNode } from "react";
import { cx } from "./class-names.ts";

type Tone = "slate" | "green" | "amber" | "red" | "blue";

const TONES: Record<Tone, string> = {
  slate: "bg-surface-muted text-fg-muted",
  green: "bg-success-soft text-success-fg",
  amber: "bg-warning-soft text-warning-fg",
  red: "bg-danger-soft text-danger-fg",
  blue: "bg-info-soft text-info-fg",
};

/** A short status word in a pill; the tone carries meaning only alongside the word. */
export const Badge = ({ tone = "slate", children }: { tone?: Tone; children: ReactNode }) => (
  <span className={cx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", TONES[tone])}>
    {children}
  </span>
);
