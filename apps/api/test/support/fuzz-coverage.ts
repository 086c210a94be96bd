import { DomainError } from "@tessera/domain";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

/**
 * What a fuzzed call came to, and whether it reached the handler: a success or a domain error
 * that a service raised counts; refusals by authentication, role, key scope, the input schema,
 * a rate limit or the API-access gate (all raised before the handler runs) do not.
 */
export type Outcome = { status: number; code: string; reached: boolean; message: string };

/** Domain errors raised by middleware or limiters in front of the handler. */
const BEFORE_HANDLER = new Set(["RATE_LIMITED", "API_ACCESS_DISABLED"]);

export const outcomeOf = async (call: () => Promise<unknown>): Promise<Outcome> => {
  try {
    await call();
    return { status: 200, code: "OK", reached: true, message: "" };
  } catch (error) {
    return classify(error);
  }
};

const classify = (error: unknown): Outcome => {
  const message = (error as Error).message?.slice(0, 120) ?? "";
  if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") {
    return { status: 500, code: "INTERNAL", reached: true, message };
  }
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return { status: cause.status, code: cause.code, reached: !BEFORE_HANDLER.has(cause.code), message };
  }
  if (cause instanceof ZodError) return { status: 400, code: "SCHEMA", reached: false, message };
  const status = error.code === "UNAUTHORIZED" ? 401 : error.code === "FORBIDDEN" ? 403 : 400;
  return { status, code: error.code, reached: false, message };
};

/** Calls and handler reaches per procedure, with the outcome codes seen. */
export class Coverage {
  private readonly byPath = new Map<string, { calls: number; reached: number; codes: Map<string, number> }>();

  record(path: string, outcome: Outcome) {
    const entry = this.byPath.get(path) ?? { calls: 0, reached: 0, codes: new Map() };
    entry.calls++;
    if (outcome.reached) entry.reached++;
    entry.codes.set(outcome.code, (entry.codes.get(outcome.code) ?? 0) + 1);
    this.byPath.set(path, entry);
  }

  get calls() {
    return [...this.byPath.values()].reduce((sum, entry) => sum + entry.calls, 0);
  }
  get reachedCalls() {
    return [...this.byPath.values()].reduce((sum, entry) => sum + entry.reached, 0);
  }
  get procedures() {
    return this.byPath.size;
  }
  get unreached(): string[] {
    return [...this.byPath].filter(([, entry]) => entry.reached === 0).map(([path]) => path);
  }
  /** Share of procedures that at least one call reached. */
  get share() {
    return (this.procedures - this.unreached.length) / Math.max(1, this.procedures);
  }

  /** One line per procedure, then the totals. */
  report(): string {
    const lines = [...this.byPath].map(([path, entry]) => {
      const codes = [...entry.codes].map(([code, count]) => `${code}×${count}`).join(" ");
      return `  ${path.padEnd(40)} ${String(entry.reached).padStart(3)}/${entry.calls} reached  ${codes}`;
    });
    const codes = new Map<string, number>();
    for (const entry of this.byPath.values()) {
      for (const [code, count] of entry.codes) codes.set(code, (codes.get(code) ?? 0) + count);
    }
    const totals = [...codes].map(([code, count]) => `${code}×${count}`).join(" ");
    return [
      ...lines,
      `calls ${this.calls}, reaching handlers ${this.reachedCalls}; procedures reached ${
        this.procedures - this.unreached.length
      }/${this.procedures} (${(this.share * 100).toFixed(1)} %)`,
      `outcomes: ${totals}`,
      `unreached: ${this.unreached.join(", ") || "none"}`,
    ].join("\n");
  }
}
