// Billing sync with a staff service key (licenses:read, licenses:write, usage:read): find an
// organisation's license, suspend it when its invoice is overdue, and read the month's usage
// for the next invoice.
//
//   TESSERA_URL=https://tessera.example.com/api TESSERA_API_KEY=tsk_… ORGANIZATION_ID=<uuid> \
//   UNPAID_INVOICE_DUE_AT=2026-10-31 pnpm --filter @tessera/api exec tsx ../../packages/sdk/examples/billing-sync.ts
import { pathToFileURL } from "node:url";
import { createTesseraClient, unwrap } from "@tessera/sdk";

export interface BillingSyncOptions {
  /** The API's root, with `/api`. */
  baseUrl: string;
  apiKey: string;
  organizationId: string;
  now: Date;
  /** Due date of the oldest unpaid invoice, from your billing system; null when all are paid. */
  unpaidInvoiceDueAt?: Date | null;
  /** Days past the due date before the license is suspended. */
  graceDays?: number;
}

const DAY_MS = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The calendar month (UTC) that `now` falls in: the report's first and last day, both included. */
const monthOf = (now: Date) => ({
  from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
  to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)),
});

export const runBillingSync = async (options: BillingSyncOptions) => {
  const { organizationId, now, unpaidInvoiceDueAt = null, graceDays = 14 } = options;
  const client = createTesseraClient({ baseUrl: options.baseUrl, apiKey: options.apiKey });

  // The license in force (else the latest), beside the organisation's license history.
  const { current } = await unwrap(
    client.GET("/v1/organizations/{organizationId}/license", { params: { path: { organizationId } } }),
  );
  if (!current) throw new Error(`organisation ${organizationId} has no license`);
  let license = current;
  const overdue =
    unpaidInvoiceDueAt !== null && now.getTime() - unpaidInvoiceDueAt.getTime() > graceDays * DAY_MS;
  const suspended = overdue && license.status === "ACTIVE";
  if (suspended) {
    // expectedVersion: act only on the license as read (a 409 means someone changed it meanwhile).
    // The client adds an Idempotency-Key, so a retried suspend never suspends twice.
    license = await unwrap(
      client.POST("/v1/licenses/{licenseId}/suspend", {
        params: { path: { licenseId: license.id } },
        body: {
          reason: `Invoice due ${day(unpaidInvoiceDueAt)} unpaid`,
          expectedVersion: license.version,
        },
      }),
    );
  }

  const { from, to } = monthOf(now);
  const usage = await unwrap(
    client.GET("/v1/organizations/{organizationId}/usage/report", {
      params: { path: { organizationId }, query: { from: day(from), to: day(to) } },
    }),
  );
  // The report also comes as text/csv (with Accept: text/csv); this call asked for JSON.
  if (typeof usage === "string") throw new Error("expected the JSON usage report");
  return { license, suspended, usage };
};

const isCli = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isCli) {
  const env = (name: string) => process.env[name] ?? "";
  const due = env("UNPAID_INVOICE_DUE_AT");
  const result = await runBillingSync({
    baseUrl: env("TESSERA_URL"),
    apiKey: env("TESSERA_API_KEY"),
    organizationId: env("ORGANIZATION_ID"),
    now: new Date(),
    unpaidInvoiceDueAt: due ? new Date(due) : null,
  });
  console.log(
    JSON.stringify({ license: result.license.status, suspended: result.suspended, usage: result.usage }),
  );
}
