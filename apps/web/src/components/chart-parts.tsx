/** One entry of a legend: what a mark means, in words, beside a swatch of it. */
export interface LegendEntry {
  label: string;
  color: string;
  mark: "bar" | "line" | "dashed";
}

const Swatch = ({ color, mark }: Pick<LegendEntry, "color" | "mark">) =>
  mark === "bar" ? (
    <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundColor: color }} />
  ) : (
    <span
      aria-hidden="true"
      className="inline-block w-5 border-t-2"
      style={{ borderColor: color, borderStyle: mark === "dashed" ? "dashed" : "solid" }}
    />
  );

/**
 * A chart's legend as text rather than SVG, so it wraps instead of clipping, reads in dark mode
 * and says which axis a series uses.
 */
export const ChartLegend = ({ entries }: { entries: LegendEntry[] }) => (
  <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted">
    {entries.map((entry) => (
      <li key={entry.label} className="flex items-center gap-1.5">
        <Swatch color={entry.color} mark={entry.mark} />
        {entry.label}
      </li>
    ))}
  </ul>
);

/** What shows instead of empty axes: a chart with no data says so, at the chart's height. */
export const ChartEmpty = ({ title, detail, height }: { title: string; detail?: string; height: number }) => (
  <div
    className="flex flex-col items-center justify-center gap-1 rounded bg-surface-muted px-4 text-center text-sm text-fg-muted"
    style={{ minHeight: height }}
    data-chart-empty
  >
    <p className="font-medium text-fg">{title}</p>
    {detail ? <p className="text-xs">{detail}</p> : null}
  </div>
);
