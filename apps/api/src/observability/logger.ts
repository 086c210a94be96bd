import { type DestinationStream, type Logger, pino } from "pino";
import { serializeError } from "./error-serializer.ts";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * Paths whose values never reach a log line, wherever a caller logs them: credentials in
 * headers, and any field that holds a password, key, token or secret.
 */
const REDACTED = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.password",
  "*.key",
  "*.licenseKey",
  "*.token",
  "*.secret",
  "*.clientSecret",
];

/**
 * JSON lines on stdout (or `destination`), one object per event, ISO timestamps. Stdout is
 * written in 4 KiB chunks off the request path (a write per line would cost a syscall per
 * request); `flushLogs` empties the buffer at shutdown.
 */
export const createLogger = (level: (typeof LOG_LEVELS)[number], destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      base: { service: "tessera-api" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED, censor: "[redacted]" },
      // Errors from the database never bring their statement or parameters into a line.
      serializers: { err: serializeError },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );

/**
 * The same logger without redaction, for lines whose every field the caller builds itself
 * from known-safe values (the per-request line: id, method, path, status, duration). Wildcard
 * redaction re-walks and clones each logged object, a large share of a cached validation's
 * cost; lines that carry user or error objects keep the redacting logger.
 */
export const withoutRedaction = (logger: Logger): Logger => logger.child({}, { redact: [] });

/** Write out what the logger still buffers. */
export const flushLogs = (logger: Logger) => new Promise<void>((resolve) => logger.flush(() => resolve()));
