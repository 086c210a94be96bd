import { IngestOutput, TrackUsageBatchInput, TrackUsageInput } from "@tessera/domain";
import { countIngested, ingestUsage } from "../../usage/ingest.ts";
import { deprecatedAlias } from "../alias.ts";
import { defineOperation, type RestCall } from "../operation.ts";

/** The platform reports usage with its organisation key (`usage:write`). */
const ownOrganization = (call: RestCall) => call.organizationId ?? "";

const trackOperation = defineOperation({
  operationId: "usage.track",
  method: "POST",
  path: "/v1/usage/events",
  tag: "usage",
  summary: "Report one usage event (idempotent by idempotencyKey)",
  auth: { organization: "usage:write" },
  body: TrackUsageInput,
  response: IngestOutput,
  example: { metric: "API_CALLS", value: 42, idempotencyKey: "req-2026-11-30-0001" },
  handle: async (call, input) =>
    countIngested(
      call.ctx,
      await ingestUsage(call.service, ownOrganization(call), [input], { apiKeyId: call.key?.id ?? "" }),
    ),
});

const trackBatchOperation = defineOperation({
  operationId: "usage.trackBatch",
  method: "POST",
  path: "/v1/usage/events/batch",
  tag: "usage",
  summary: "Report up to 1,000 usage events, all or nothing",
  auth: { organization: "usage:write" },
  body: TrackUsageBatchInput,
  response: IngestOutput,
  handle: async (call, input) =>
    countIngested(
      call.ctx,
      await ingestUsage(call.service, ownOrganization(call), input.events, {
        apiKeyId: call.key?.id ?? "",
        fieldPrefix: (index) => `events.${index}.`,
      }),
    ),
});

export const USAGE_EVENT_OPERATIONS = [
  trackOperation,
  trackBatchOperation,
  deprecatedAlias(trackOperation, "POST", "/enterprise/usage/track"),
  deprecatedAlias(trackBatchOperation, "POST", "/enterprise/usage/track-batch"),
];
