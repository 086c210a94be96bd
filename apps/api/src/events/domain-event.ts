type Json = Record<string, unknown>;

/**
 * A business change a service made, recorded in the same transaction as the change. Its
 * consumers (the audit log, the webhook outbox) derive their rows from it, so a service
 * never calls another area's side effect itself.
 */
export interface DomainEvent {
  /** Dotted name, area first: `license.suspended`, `white_label.branding_set`. */
  action: string;
  organizationId: string | null;
  targetType: string;
  targetId: string | null;
  before?: Json | null;
  after?: Json | null;
  /**
   * False when the service already read, in this transaction, that no enabled webhook of the
   * organisation subscribes to this action (`hasSubscribedWebhook`): the outbox skips its lookup.
   */
  webhookSubscribed?: boolean;
}

/** Only the fields that changed, before and after: what an audit reader wants to see. */
export const diff = (before: Json, after: Json): { before: Json; after: Json } => {
  const changedBefore: Json = {};
  const changedAfter: Json = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
};

const SECRET_FIELDS = new Set([
  "passwordHash",
  "password",
  "tokenHash",
  "keyHash",
  "previousKeyHash",
  "secret",
  "clientSecret",
]);

/** Event snapshots never carry secrets, even hashed ones, to any consumer. */
export const redact = (value: Json | null | undefined): Json | null => {
  if (!value) return null;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_FIELDS.has(key) ? "[redacted]" : inner]),
  );
};
