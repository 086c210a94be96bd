import type { Tier } from "@tessera/domain";

/**
 * The charts' colours as CSS variables, light and dark (dark follows the system, like the rest
 * of the app). SVG attributes take `var(...)`, so one chart reads well on either background.
 * Set on each chart's figure; the grid and tick colours are global (styles.css).
 */
export const CHART_THEME_CLASS = [
  "[--chart-bar:#a5b4fc] dark:[--chart-bar:#6366f1]",
  "[--chart-total:#3730a3] dark:[--chart-total:#c7d2fe]",
  "[--chart-level:#4f46e5] dark:[--chart-level:#a5b4fc]",
  "[--chart-limit:#b91c1c] dark:[--chart-limit:#f87171]",
  "[--chart-created:#b45309] dark:[--chart-created:#fbbf24]",
  "[--chart-starter:#a5b4fc] dark:[--chart-starter:#c7d2fe]",
  "[--chart-professional:#6366f1] dark:[--chart-professional:#818cf8]",
  "[--chart-enterprise:#3730a3] dark:[--chart-enterprise:#4f46e5]",
  "[--chart-custom:#0e7490] dark:[--chart-custom:#22d3ee]",
  "[--chart-tooltip-bg:#ffffff] dark:[--chart-tooltip-bg:#0f172a]",
  "[--chart-tooltip-border:#cbd5e1] dark:[--chart-tooltip-border:#475569]",
  "[--chart-tooltip-text:#1e293b] dark:[--chart-tooltip-text:#e2e8f0]",
  "[--chart-cursor:#f1f5f9] dark:[--chart-cursor:#1e293b]",
].join(" ");

export const CHART_COLORS = {
  bar: "var(--chart-bar)",
  total: "var(--chart-total)",
  level: "var(--chart-level)",
  limit: "var(--chart-limit)",
  created: "var(--chart-created)",
  grid: "var(--chart-grid)",
};

export const TIER_COLORS: Record<Tier, string> = {
  STARTER: "var(--chart-starter)",
  PROFESSIONAL: "var(--chart-professional)",
  ENTERPRISE: "var(--chart-enterprise)",
  CUSTOM: "var(--chart-custom)",
};

export const TICK = { fontSize: 12, fill: "var(--chart-tick)" };

/** Recharts' tooltip draws on white with inline styles: these follow the theme instead. */
export const TOOLTIP_PROPS = {
  contentStyle: {
    fontSize: 12,
    borderRadius: 6,
    backgroundColor: "var(--chart-tooltip-bg)",
    borderColor: "var(--chart-tooltip-border)",
    color: "var(--chart-tooltip-text)",
  },
  labelStyle: { color: "var(--chart-tooltip-text)", fontWeight: 600 },
  itemStyle: { color: "var(--chart-tooltip-text)" },
  cursor: { fill: "var(--chart-cursor)", stroke: "var(--chart-tooltip-border)" },
};
