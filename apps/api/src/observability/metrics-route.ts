import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppDeps } from "../context.ts";
import { writeJson } from "../json-response.ts";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether the request bears the metrics token, compared in constant time. */
const bearsToken = (req: IncomingMessage, token: string) =>
  timingSafeEqual(digest(req.headers.authorization ?? ""), digest(`Bearer ${token}`));

const refuse = (res: ServerResponse, status: number, code: string, message: string) => {
  writeJson(res, status, { error: { code, message } });
};

/**
 * GET /metrics: Prometheus text behind `Authorization: Bearer <METRICS_TOKEN>`. Only in
 * development may it go without a token; config refuses to start production without one,
 * and should a production config lack it anyway, metrics are not served at all.
 */
export const serveMetrics = async (deps: AppDeps, req: IncomingMessage, res: ServerResponse) => {
  const token = deps.config.METRICS_TOKEN;
  if (!token && deps.config.ENVIRONMENT !== "development") return refuse(res, 404, "NOT_FOUND", "Not found");
  if (token && !bearsToken(req, token)) return refuse(res, 401, "UNAUTHORIZED", "Send the metrics token");
  res.writeHead(200, { "Content-Type": deps.metrics.registry.contentType, "Cache-Control": "no-store" });
  res.end(await deps.metrics.registry.metrics());
};
