import { type PGlite, parse, protocol, type Results } from "@electric-sql/pglite";

type BackendMessage = Awaited<ReturnType<PGlite["execProtocolStream"]>>[number];
type ParserTable = PGlite["parsers"];

interface Statement {
  name: string;
  /** Parameter type oids from Describe: they pick each value's serializer, as PGlite's `query` does. */
  paramTypes: number[];
  /** The statement's RowDescription (absent for statements without rows), put before each run's rows. */
  description: BackendMessage | undefined;
}

interface RunOptions {
  rowMode: "array" | "object";
  parsers: ParserTable;
}

/** Statements not worth keeping: the plan would not survive a schema change anyway. */
const STALE_STATEMENT = new Set(["26000", "0A000"]);

/** Several protocol messages in one buffer, so PGlite runs them in one pass through the backend. */
const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/**
 * Named prepared statements over PGlite's wire protocol. PGlite's own `query` parses, plans
 * and describes every statement again (six backend round trips); here a statement is parsed
 * and described once, then each run is one Bind/Execute/Sync pass. The statement text is the
 * key; the least recently used beyond `limit` are closed, so generated texts (IN lists of any
 * length) cannot grow the backend's memory without bound.
 */
export class PgliteStatements {
  readonly #pg: PGlite;
  readonly #limit: number;
  readonly #statements = new Map<string, Statement>();
  #counter = 0;

  constructor(pg: PGlite, limit = 200) {
    this.#pg = pg;
    this.#limit = limit;
  }

  /**
   * Run one statement. Outside a transaction it waits for PGlite's transaction lock, as
   * `PGlite.query` does; inside one (`inTransaction`) the caller already holds it.
   */
  async run(text: string, params: unknown[], options: RunOptions, inTransaction: boolean): Promise<Results> {
    if (inTransaction) return this.#pg._runExclusiveQuery(() => this.#runOnce(text, params, options, false));
    await this.#pg._checkReady();
    return this.#pg._runExclusiveTransaction(() =>
      this.#pg._runExclusiveQuery(async () => {
        const result = await this.#runOnce(text, params, options, true);
        await this.#pg.syncToFs();
        return result;
      }),
    );
  }

  async #runOnce(text: string, params: unknown[], options: RunOptions, mayRetry: boolean): Promise<Results> {
    try {
      return await this.#execute(text, params, options);
    } catch (error) {
      if (!STALE_STATEMENT.has(codeOf(error) as string)) throw error;
      // Its plan no longer fits the schema (or it is gone): prepare afresh next time, and now
      // when no transaction was aborted by the failure.
      this.#statements.delete(text);
      if (!mayRetry) throw error;
      return this.#execute(text, params, options);
    }
  }

  async #execute(text: string, params: unknown[], options: RunOptions): Promise<Results> {
    let statement = this.#statements.get(text);
    if (statement) {
      // Most recently used last: eviction takes the front.
      this.#statements.delete(text);
      this.#statements.set(text, statement);
    } else {
      statement = await this.#prepare(text, params);
    }
    const serializers = this.#pg.serializers;
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serializer = serializers[statement.paramTypes[index] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await this.#send(
      concat([
        protocol.serialize.bind({ statement: statement.name, values }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ]),
      text,
      params,
    );
    const all = statement.description ? [statement.description, ...messages] : messages;
    // parseResults merges nothing when no per-query parsers are given: the table is used as is.
    const [result] = parse.parseResults(all, options.parsers, { rowMode: options.rowMode });
    return result ?? { rows: [], fields: [], affectedRows: 0 };
  }

  async #prepare(text: string, params: unknown[]): Promise<Statement> {
    const parts: Uint8Array[] = [];
    if (this.#statements.size >= this.#limit) {
      const [oldestText, oldest] = this.#statements.entries().next().value as [string, Statement];
      this.#statements.delete(oldestText);
      parts.push(protocol.serialize.close({ type: "S", name: oldest.name }));
    }
    const name = `tessera_${++this.#counter}`;
    parts.push(
      protocol.serialize.parse({ name, text }),
      protocol.serialize.describe({ type: "S", name }),
      protocol.serialize.sync(),
    );
    const messages = await this.#send(concat(parts), text, params);
    const statement: Statement = {
      name,
      paramTypes: parse.parseDescribeStatementResults(messages),
      description: messages.find((message) => message.name === "rowDescription"),
    };
    this.#statements.set(text, statement);
    return statement;
  }

  async #send(message: Uint8Array, text: string, params: unknown[]): Promise<BackendMessage[]> {
    try {
      return await this.#pg.execProtocolStream(message, { syncToFs: false });
    } catch (error) {
      // The same context PGlite's `query` attaches to its errors.
      if (error && typeof error === "object") Object.assign(error, { query: text, params });
      throw error;
    }
  }
}
