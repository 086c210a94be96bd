import type { Registry } from "prom-client";

/**
 * Counters and histograms for the request path whose label sets are bound once and kept:
 * an update is an addition on a kept series. prom-client's own metrics check, sort and hash
 * the labels on every update (its `labels()` only binds them for the same work later), which
 * costs several microseconds per request. These register with a prom-client registry and
 * are written out by it in the same text format.
 */
interface Options<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  registers: Registry[];
}

type Labels<L extends string> = Record<L, string>;

abstract class BoundMetric<L extends string, S> {
  readonly name: string;
  readonly help: string;
  abstract readonly type: "counter" | "histogram";
  readonly aggregator = "sum" as const;
  protected readonly series = new Map<string, { labels: Labels<L>; state: S }>();

  constructor(private readonly options: Options<L>) {
    this.name = options.name;
    this.help = options.help;
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  protected abstract fresh(): S;

  /** The series of these label values, made on first use (label sets stay few: routes, codes). */
  protected stateOf(labels: Labels<L>): S {
    let key = "";
    for (const name of this.options.labelNames) key += `${labels[name]}\u0000`;
    let entry = this.series.get(key);
    if (!entry) {
      const copy = {} as Labels<L>;
      for (const name of this.options.labelNames) copy[name] = labels[name];
      entry = { labels: copy, state: this.fresh() };
      this.series.set(key, entry);
    }
    return entry.state;
  }

  reset() {
    this.series.clear();
  }
}

export class BoundCounter<L extends string> extends BoundMetric<L, { value: number }> {
  readonly type = "counter" as const;

  protected fresh() {
    return { value: 0 };
  }

  /** The series for these labels, to keep and increment without looking it up again. */
  bind(labels: Labels<L>): () => void {
    const state = this.stateOf(labels);
    return () => {
      state.value += 1;
    };
  }

  inc(labels: Labels<L>, by = 1) {
    this.stateOf(labels).value += by;
  }

  async get() {
    const values = [...this.series.values()].map(({ labels, state }) => ({ labels, value: state.value }));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}

interface HistogramState {
  counts: number[];
  sum: number;
  count: number;
}

export class BoundHistogram<L extends string> extends BoundMetric<L, HistogramState> {
  readonly type = "histogram" as const;

  constructor(
    options: Options<L>,
    private readonly buckets: readonly number[],
  ) {
    super(options);
  }

  protected fresh(): HistogramState {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  /** The series for these labels: a function that records one observation in it. */
  bind(labels: Labels<L>): (value: number) => void {
    const state = this.stateOf(labels);
    const { buckets } = this;
    return (value) => {
      state.sum += value;
      state.count += 1;
      for (let i = 0; i < buckets.length; i++) {
        if (value <= (buckets[i] as number)) {
          state.counts[i] = (state.counts[i] as number) + 1;
          return;
        }
      }
    };
  }

  observe(labels: Labels<L>, value: number) {
    this.bind(labels)(value);
  }

  /** As prom-client writes a histogram: cumulative `_bucket`s with `le` first, `_sum`, `_count`. */
  async get() {
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
    for (const { labels, state } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((bound, i) => {
        cumulative += state.counts[i] as number;
        values.push({
          labels: { le: bound, ...labels },
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      });
      values.push({
        labels: { le: "+Inf", ...labels },
        value: state.count,
        metricName: `${this.name}_bucket`,
      });
      values.push({ labels, value: state.sum, metricName: `${this.name}_sum` });
      values.push({ labels, value: state.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
