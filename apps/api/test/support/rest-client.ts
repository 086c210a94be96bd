import { afterAll } from "vitest";
import { type Contract, loadContract, recordContractCount } from "./rest-contract.ts";

/**
 * The REST API as an integrator calls it — plain fetch, JSON, a Bearer key — with every
 * exchange checked against the served OpenAPI document (see rest-contract.ts). Call
 * `useRestClient` at the top of a test file; `baseUrl` is read when the suite starts.
 */
export interface RestAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RestRequest {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw body text sent as is (malformed JSON, other media types). */
  rawBody?: string;
}

export const useRestClient = (file: string, baseUrl: () => string) => {
  // Loaded on the first call: the file's own beforeAll starts the server after this one is set.
  let contract: Promise<Contract> | null = null;
  afterAll(async () => {
    if (contract) recordContractCount(file, await contract);
  });
  return async <T = unknown>(
    method: string,
    path: string,
    request: RestRequest = {},
  ): Promise<RestAnswer<T>> => {
    const { key, body, rawBody, headers = {} } = request;
    const hasBody = rawBody !== undefined || body !== undefined;
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: {
        ...(hasBody ? { "content-type": "application/json" } : {}),
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...headers,
      },
      ...(hasBody ? { body: rawBody ?? JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.startsWith("application/json");
    const parsed = isJson && text ? JSON.parse(text) : text;
    contract ??= loadContract(baseUrl());
    (await contract).validate({
      method,
      path,
      requestBody: body,
      status: response.status,
      headers: response.headers,
      body: parsed,
    });
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
};
