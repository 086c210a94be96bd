import type { RestMethod, RestOperation } from "./operation.ts";

/**
 * The seed's path for an operation, kept so existing integrations keep working: same handler,
 * its own id, marked deprecated in the document. `changes` restates what differs (the old
 * paths took ids in the body and answered 200 on create).
 */
export const deprecatedAlias = (
  operation: RestOperation,
  method: RestMethod,
  path: `/${string}`,
  changes: Partial<RestOperation> = {},
): RestOperation => ({
  ...operation,
  operationId: `${operation.operationId}Legacy`,
  method,
  path,
  deprecated: true,
  description: `Deprecated: use ${operation.method} /api${operation.path}.`,
  ...changes,
});
