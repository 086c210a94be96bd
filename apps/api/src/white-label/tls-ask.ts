import type { IncomingMessage, ServerResponse } from "node:http";
import { customizations } from "@tessera/db/schema";
import { askedHostname } from "@tessera/domain";
import { and, eq, sql } from "drizzle-orm";
import type { AppDeps } from "../context.ts";

/** Where a TLS-terminating proxy asks whether to get a certificate for a name (Caddy's on_demand_tls `ask`). */
export const TLS_ASK_PATH = "/internal/tls/ask";

const answer = (res: ServerResponse, status: number, text: string) => {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(text);
};

/**
 * `GET /internal/tls/ask?domain=<host>`: 200 only for a VERIFIED custom domain (any case, a
 * trailing dot tolerated), 404 for any other name, 400 for no valid hostname. One lookup
 * through the partial unique index of verified hostnames, so a flood of handshakes for
 * random names costs an index probe each and never issues a certificate.
 */
export const handleTlsAsk = async (
  deps: Pick<AppDeps, "db">,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return answer(res, 405, "method not allowed");
  }
  const hostname = askedHostname(url.searchParams.get("domain"));
  if (!hostname) return answer(res, 400, "domain must be a hostname");
  const [row] = await deps.db
    .select({ id: customizations.id })
    .from(customizations)
    .where(
      and(
        eq(customizations.type, "DOMAIN"),
        sql`${customizations.value}->>'status' = 'VERIFIED'`,
        sql`${customizations.value}->>'hostname' = ${hostname}`,
      ),
    )
    .limit(1);
  return row ? answer(res, 200, "ok") : answer(res, 404, "not a verified custom domain");
};
