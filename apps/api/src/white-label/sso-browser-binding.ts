import { randomBytes } from "node:crypto";
import { readCookie } from "../auth/cookie.ts";
import { sha256 } from "../auth/tokens.ts";

/**
 * Binds an SSO sign-in to the browser that started it: /auth/sso/start sets a random value
 * in a cookie only /auth sees and stores its hash with the login state; the callback
 * admits the state only from a browser that carries it. A callback URL started by someone
 * else and opened in a victim's browser is refused instead of signing the victim into the
 * other person's account (login CSRF).
 */
const SSO_BINDING_COOKIE = "tessera_sso";
// /auth covers the OIDC callback (/auth/sso) and the SAML assertion consumer (/auth/saml)
const COOKIE_PATH = "/auth";
const BINDING = /^[A-Za-z0-9_-]{43}$/;

/** The binding this browser already holds (several tabs may start SSO at once), or a new one. */
export const browserBinding = (cookieHeader: string | undefined): string => {
  const held = readCookie(cookieHeader, SSO_BINDING_COOKIE);
  return held && BINDING.test(held) ? held : randomBytes(32).toString("base64url");
};

/** The binding cookie's hash as the callback sees it, or null when the browser sent none. */
export const presentedBindingHash = (cookieHeader: string | undefined): string | null => {
  const held = readCookie(cookieHeader, SSO_BINDING_COOKIE);
  return held && BINDING.test(held) ? sha256(held) : null;
};

/**
 * `crossSite`: a SAML identity provider POSTs the response from its own site, where a Lax
 * cookie is not sent; over https it is SameSite=None (plain http keeps Lax, as browsers
 * refuse None without Secure).
 */
export const bindingCookie = (
  binding: string,
  maxAgeSeconds: number,
  secure: boolean,
  crossSite = false,
): string =>
  [
    `${SSO_BINDING_COOKIE}=${binding}`,
    `Path=${COOKIE_PATH}`,
    "HttpOnly",
    crossSite && secure ? "SameSite=None" : "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");

export const clearedBindingCookie = (secure: boolean, crossSite = false): string =>
  bindingCookie("", 0, secure, crossSite);
