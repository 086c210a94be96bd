/** PostgreSQL SQLSTATE of an error, looking through drizzle's DrizzleQueryError wrapper. */
export const sqlState = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/** Name of the constraint or index behind a unique or check violation, where the driver gives it. */
export const constraintName = (error: unknown): string | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const name =
      (current as { constraint_name?: unknown }).constraint_name ??
      (current as { constraint?: unknown }).constraint;
    if (typeof name === "string") return name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

export const UNIQUE_VIOLATION = "23505";
export const NUMERIC_VALUE_OUT_OF_RANGE = "22003";
/** postgres.js and Node socket codes for a database that cannot be reached or went away. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/**
 * Whether an error means the database is unreachable (not that the query was wrong):
 * socket errors, SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutting down,
 * crashed, not accepting connections yet).
 */
export const isConnectionError = (error: unknown): boolean => {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (CONNECTION_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code)) return true;
    }
    const errors = (current as { errors?: unknown }).errors; // AggregateError of a dual-stack connect
    if (Array.isArray(errors) && errors.some(isConnectionError)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
};
