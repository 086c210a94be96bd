import { z } from "zod";
import { textInput } from "../text-input.ts";
import { WebUrl } from "./sso.ts";

/**
 * Events delivered to webhooks, each the public face of an audited action: the audit log is
 * the one record of what happened, webhooks publish part of it. Internal notes, SLA
 * bookkeeping and sign-ins stay inside.
 */
const WEBHOOK_EVENT_BY_AUDIT_ACTION = {
  "license.created": "license.created",
  "license.activated": "license.activated",
  "license.renewed": "license.renewed",
  "license.auto_renewed": "license.renewed",
  "license.suspended": "license.suspended",
  "license.reinstated": "license.reinstated",
  "license.cancelled": "license.cancelled",
  "license.expired": "license.expired",
  "license.expiry_reminder": "license.expiring",
  "license.key_rotated": "license.key_rotated",
  "usage.alert_raised": "usage.alert",
  "usage.forecast_alert_raised": "usage.forecast_alert",
  "ticket.created": "ticket.created",
  "ticket.replied": "ticket.replied",
  "ticket.status_changed": "ticket.status_changed",
  "ticket.priority_changed": "ticket.priority_changed",
} as const;

export const WEBHOOK_EVENT_TYPES = [...new Set(Object.values(WEBHOOK_EVENT_BY_AUDIT_ACTION))] as [
  WebhookEventType,
  ...WebhookEventType[],
];
export type WebhookEventType =
  (typeof WEBHOOK_EVENT_BY_AUDIT_ACTION)[keyof typeof WEBHOOK_EVENT_BY_AUDIT_ACTION];

export const webhookEventForAuditAction = (action: string): WebhookEventType | null =>
  (WEBHOOK_EVENT_BY_AUDIT_ACTION as Record<string, WebhookEventType>)[action] ?? null;

/** A webhook URL: https (plain http to loopback only where the deployment allows it). */
const WebhookUrl = WebUrl;

const EventList = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, { message: "choose at least one event" })
  .transform((events) => [...new Set(events)]);

export const CreateIntegrationInput = z.object({
  name: textInput().min(1, { message: "is required" }).max(100),
  url: WebhookUrl,
  events: EventList,
  enabled: z.boolean().default(true),
});
export type CreateIntegrationInput = z.input<typeof CreateIntegrationInput>;

export const IntegrationId = z.object({ integrationId: z.uuid() });
export type IntegrationId = z.input<typeof IntegrationId>;

export const UpdateIntegrationInput = IntegrationId.extend({
  name: textInput().min(1, { message: "is required" }).max(100).optional(),
  url: WebhookUrl.optional(),
  events: EventList.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateIntegrationInput = z.input<typeof UpdateIntegrationInput>;

/** A webhook delivery's states, as the `webhook_delivery_status` column holds them. */
export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "DEAD"] as const;
type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** What people call each delivery state: DEAD is a delivery that gave up retrying. */
export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  PENDING: "Pending",
  DELIVERED: "Delivered",
  DEAD: "Failed",
};

export const ListDeliveriesInput = IntegrationId.extend({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListDeliveriesInput = z.input<typeof ListDeliveriesInput>;

export const DeliveryId = z.object({ deliveryId: z.uuid() });
export type DeliveryId = z.input<typeof DeliveryId>;

export const WEBHOOK_SIGNATURE_HEADER = "Tessera-Signature";

/**
 * The signed string: `<unix seconds>.<raw body>`. The header carries
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, signed string)>`; receivers recompute it and
 * refuse timestamps older than a few minutes, which stops replays.
 */
export const webhookSignedPayload = (timestampSeconds: number, body: string) => `${timestampSeconds}.${body}`;
export const webhookSignatureHeader = (timestampSeconds: number, hexDigest: string) =>
  `t=${timestampSeconds},v1=${hexDigest}`;

/** Seconds to wait after the n-th failed attempt (1-based); after the last, the delivery is DEAD. */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [30, 120, 600, 3_600, 6 * 3_600, 24 * 3_600] as const;
/** When to try again after `attempts` failures, or null when the delivery has run out of tries. */
export const nextWebhookAttempt = (attempts: number, now: Date): Date | null => {
  const delay = WEBHOOK_RETRY_DELAYS_SECONDS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
};

/** A 2xx answer is a delivery; anything else (or no answer) is retried. */
export const deliverySucceeded = (statusCode: number | null) =>
  statusCode !== null && statusCode >= 200 && statusCode < 300;
