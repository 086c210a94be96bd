import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * Answer with a JSON body and its Content-Length. After writeHead without a length, Node sends
 * the body chunked (size line, body, trailer: a writev of four buffers per answer); with it,
 * the head and body go out in one write.
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
