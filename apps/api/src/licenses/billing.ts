import type { Transaction } from "@tessera/db";
import { invoices } from "@tessera/db/schema";

interface RenewalCharge {
  organizationId: string;
  licenseId: string;
  amountCents: number;
  periodStart: Date;
  periodEnd: Date;
  reason: "AUTO_RENEWAL";
}

/**
 * Where auto-renewal charges go. Called inside the renewal's transaction: a port that talks
 * to a payment provider should enqueue there (an outbox) rather than call out mid-transaction.
 */
export interface BillingPort {
  /** Records the charge; returns false when this license period was already charged. */
  chargeRenewal(tx: Transaction, charge: RenewalCharge): Promise<boolean>;
}

/** The default port: an invoice row per license period, once (a unique constraint decides). */
export const invoiceBillingPort: BillingPort = {
  chargeRenewal: async (tx, charge) => {
    const inserted = await tx
      .insert(invoices)
      .values({ ...charge, currency: "USD" })
      .onConflictDoNothing({ target: [invoices.licenseId, invoices.periodStart] })
      .returning({ id: invoices.id });
    return inserted.length > 0;
  },
};
