import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "../../src/http.ts";
import { createTestHarness, type TestHarness } from "../harness.ts";

export interface ScimAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: SCIM documents are read field by field in the tests
  body: any;
  headers: Headers;
}

/** The harness and the real request handler on a loopback port, for SCIM over HTTP. */
export const startScimServer = async () => {
  let handler: RequestListener = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const h: TestHarness = await createTestHarness();
  const handle = createRequestHandler(h.deps);
  handler = (req, res) => void handle(req, res);

  /** One SCIM request with the token (none when null), the body as SCIM JSON. */
  const scim = async (
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ScimAnswer> => {
    const response = await fetch(`${url}/scim/v2${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };

  /** A password sign-in over HTTP, as a browser would: the session cookie. */
  const signIn = async (email: string, password: string) => {
    const response = await fetch(`${url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email, password } }),
    });
    return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  };

  /** The status of a signed-in tRPC query with the cookie. */
  const teamListStatus = async (cookie: string) => {
    const input = encodeURIComponent(JSON.stringify({ json: {} }));
    const response = await fetch(`${url}/trpc/team.list?input=${input}`, { headers: { cookie } });
    await response.text();
    return response.status;
  };

  const close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  };
  return { h, url, scim, signIn, teamListStatus, close };
};

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

/** A PatchOp body of the operations. */
export const patchOp = (...operations: unknown[]) => ({ schemas: [PATCH_SCHEMA], Operations: operations });

/** A user as Okta's validator creates one. */
export const oktaUser = (userName: string, externalId: string) => ({
  schemas: [USER_SCHEMA],
  userName,
  externalId,
  name: { givenName: "Barbara", familyName: "Jensen" },
  emails: [{ primary: true, value: userName, type: "work" }],
  active: true,
});
