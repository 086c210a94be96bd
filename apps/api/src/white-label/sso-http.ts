import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppDeps } from "../context.ts";
import { isSecure } from "../request-context.ts";

/** A 302 that keeps any cookie set earlier in this exchange (the cleared SSO binding). */
export const redirect = (
  res: ServerResponse,
  location: string,
  cookie?: string,
  headers: Record<string, string> = {},
) => {
  const earlier = res.getHeader("Set-Cookie");
  const cookies = [
    ...(earlier === undefined ? [] : [earlier].flat().map(String)),
    ...(cookie ? [cookie] : []),
  ];
  res.writeHead(302, {
    Location: location,
    "Cache-Control": "no-store",
    ...headers,
    ...(cookies.length > 0 ? { "Set-Cookie": cookies } : {}),
  });
  res.end();
};

/** Back to the sign-in page with a code the page explains. */
export const refuse = (res: ServerResponse, code: string, headers?: Record<string, string>) =>
  redirect(res, `/sign-in?sso_error=${encodeURIComponent(code)}`, undefined, headers);

/** Our absolute origin: PUBLIC_URL, else the request's scheme and host. */
export const baseUrl = (deps: Pick<AppDeps, "config">, req: IncomingMessage) =>
  deps.config.PUBLIC_URL?.replace(/\/$/, "") ??
  `${isSecure(req, deps.config.trustedProxies) ? "https" : "http"}://${req.headers.host ?? `${deps.config.HOST}:${deps.config.PORT}`}`;

/** Only a path on our own site: never an open redirect. */
export const safeReturnTo = (value: string | null | undefined) =>
  value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : "/portal";
