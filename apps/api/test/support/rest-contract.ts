import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * The REST contract, checked from outside: every exchange a test makes through `restClient`
 * is validated against the document the server serves (/api/openapi.json) with ajv, an
 * independent validator. An undeclared status, a body that does not match its schema, a 429
 * without Retry-After or a 201 without Location fails the test that made the call.
 */
type Json = Record<string, unknown>;
interface OperationDoc {
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
export interface Contract {
  validate(exchange: Exchange): void;
  /** Exchanges validated so far in this process. */
  readonly checked: number;
}
export interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  headers: Headers;
  body: unknown;
}

const DOCUMENT_ID = "https://tessera.test/openapi.json";
const pointer = (...parts: string[]) =>
  `${DOCUMENT_ID}#/${parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

const templateMatcher = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`);

export const loadContract = async (baseUrl: string): Promise<Contract> => {
  const document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, OperationDoc>>;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    regex: templateMatcher(template),
  }));
  let checked = 0;
  const check = (ref: string, value: unknown, what: string) => {
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    if (!validate(value)) {
      throw new Error(`${what} does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}`);
    }
  };
  return {
    get checked() {
      return checked;
    },
    validate(exchange) {
      const what = `${exchange.method} ${exchange.path} → ${exchange.status}`;
      const path = exchange.path.slice("/api".length).split("?")[0] ?? "";
      const candidates = templates.filter(({ regex }) => regex.test(path));
      // A literal path (`/v1/licenses/stats`) wins over a parameter (`/v1/licenses/{id}`).
      const found = candidates
        .map(({ template }) => ({
          template,
          operation: document.paths[template]?.[exchange.method.toLowerCase()],
        }))
        .filter((entry) => entry.operation)
        .sort((a, b) => a.template.split("{").length - b.template.split("{").length)[0];
      if (!found?.operation) {
        if (exchange.status === 404) return void checked++; // no such operation: nothing to hold it to
        throw new Error(`${what}: no operation in the document`);
      }
      const { template, operation } = found;
      const method = exchange.method.toLowerCase();
      const response = operation.responses[String(exchange.status)];
      if (!response) throw new Error(`${what}: status not declared in the document`);
      const type = exchange.headers.get("content-type")?.split(";")[0] ?? "";
      if (!response.content?.[type]) throw new Error(`${what}: content type ${type} not declared`);
      check(
        pointer("paths", template, method, "responses", String(exchange.status), "content", type, "schema"),
        exchange.body,
        `${what} response`,
      );
      if ((exchange.status === 429 || exchange.status === 503) && !exchange.headers.get("retry-after")) {
        throw new Error(`${what}: no Retry-After`);
      }
      if (exchange.status === 201 && !exchange.headers.get("location"))
        throw new Error(`${what}: no Location`);
      // A request the server accepted must be one the document accepts too.
      if (exchange.status < 300 && operation.requestBody && exchange.requestBody !== undefined) {
        check(
          pointer("paths", template, method, "requestBody", "content", "application/json", "schema"),
          exchange.requestBody,
          `${what} request`,
        );
      }
      checked++;
    },
  };
};

/** Adds this file's count to the run's tally (`.test-results/rest-contract.ndjson`). */
export const recordContractCount = (file: string, contract: Contract) => {
  const dir = join(import.meta.dirname, "../../../../.test-results");
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    join(dir, "rest-contract.ndjson"),
    `${JSON.stringify({ file, checked: contract.checked })}\n`,
  );
};
