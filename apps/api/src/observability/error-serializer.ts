import { pino } from "pino";

/**
 * What a log line may say about a failed statement. drizzle's DrizzleQueryError carries the
 * statement and its parameters (and repeats them in its message and stack), postgres.js
 * errors carry `query` and `parameters`, PGlite's `query` and `params`, and `detail` or
 * `where` can quote row values: a new user's password hash, a ticket body. So a database
 * error is logged as its SQLSTATE, where it happened and the driver's short message only.
 */
interface DatabaseErrorLog {
  type: string;
  message: string;
  code: string;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  stack?: string;
}

/** Driver messages are one line; longer ones are cut, in case one echoes a long value. */
const MAX_MESSAGE_LENGTH = 200;
const SQLSTATE = /^[0-9A-Z]{5}$/;

type Fields = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The driver's error in the cause chain: the one with a SQLSTATE. */
const databaseCause = (error: unknown): Fields | null => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const fields = current as Fields;
    if (typeof fields.code === "string" && SQLSTATE.test(fields.code) && "severity" in fields) return fields;
    current = fields.cause;
  }
  return null;
};

/** Stack frames only: the first line of a stack repeats the message, statement included. */
const framesOf = (error: unknown) =>
  text((error as Fields).stack)
    ?.split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .join("\n");

/** pino's `err` serializer: database errors reduced to safe fields, anything else as pino has it. */
export const serializeError = (error: unknown) => {
  const database = databaseCause(error);
  if (!database) return error instanceof Error ? pino.stdSerializers.err(error) : error;
  const log: DatabaseErrorLog = {
    type: (error as Error).name ?? "Error",
    message: (text(database.message) ?? "").split("\n", 1)[0]?.slice(0, MAX_MESSAGE_LENGTH) ?? "",
    code: database.code as string,
  };
  const optional: [keyof DatabaseErrorLog, unknown][] = [
    ["severity", database.severity],
    ["schema", database.schema_name ?? database.schema],
    ["table", database.table_name ?? database.table],
    ["column", database.column_name ?? database.column],
    ["constraint", database.constraint_name ?? database.constraint],
    ["stack", framesOf(error)],
  ];
  for (const [key, value] of optional) if (typeof value === "string" && value) log[key] = value;
  return log;
};
