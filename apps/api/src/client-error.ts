import { randomUUID } from "node:crypto";
import type { Duplex } from "node:stream";

/**
 * Requests Node refuses before any handler runs: a request line and headers past its 16 KiB
 * cap (a long id or query string) answer 431 in the REST error envelope instead of Node's bare
 * status line; anything else unparseable is a 400 in the same shape. The connection then closes.
 */
const refusal = (error: NodeJS.ErrnoException) =>
  error.code === "HPE_HEADER_OVERFLOW"
    ? {
        status: "431 Request Header Fields Too Large",
        code: "PAYLOAD_TOO_LARGE",
        message: "the request line and headers must be at most 16 KiB",
        field: "headers",
      }
    : {
        status: "400 Bad Request",
        code: "BAD_REQUEST",
        message: "the request could not be parsed as HTTP",
        field: "request",
      };

export const answerClientError = (error: NodeJS.ErrnoException, socket: Duplex) => {
  if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
  const { status, ...detail } = refusal(error);
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { type: "invalid_request_error", ...detail, requestId } });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
};
