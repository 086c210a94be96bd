// Prints the REST API's OpenAPI document (as served at /api/openapi.json) for the SDK generator:
//   pnpm --filter @tessera/api exec tsx scripts/print-openapi.ts
import { buildDocument } from "../src/rest/document.ts";
import { REST_OPERATIONS } from "../src/rest/operations/index.ts";

process.stdout.write(`${JSON.stringify(buildDocument(REST_OPERATIONS, "/api"), null, 2)}\n`);
