/**
 * Vetting of the raw request path before routing. The WHATWG URL parser turns `%2e%2e`
 * into `..` and resolves it, so `/assets/%2e%2e/api/…` would reach the API as if asked for
 * directly; and a malformed escape such as `%E0%A4%A` throws wherever it is decoded.
 */
type PathProblem = "MALFORMED" | "TRAVERSAL" | null;

const decodes = (segment: string): string | null => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
};

/** MALFORMED for broken percent-encoding, TRAVERSAL for any `.` or `..` segment, however spelt. */
export const pathProblem = (rawUrl: string): PathProblem => {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? "";
  let traversal = false;
  for (const segment of rawPath.split("/")) {
    const decoded = decodes(segment);
    if (decoded === null) return "MALFORMED";
    if (decoded === "." || decoded === ".." || /[/\\]/.test(decoded)) traversal = true;
  }
  return traversal ? "TRAVERSAL" : null;
};
