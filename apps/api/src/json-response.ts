import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * Answer with a JSON body and its Content-Length: after writeHead without a length, Node sends
 * the body chunked, framed by a size line and a trailer, and the client cannot tell its size.
 */
export const writeJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    ...headers,
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
};
