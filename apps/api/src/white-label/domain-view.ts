import { isApexDomain, verificationRecordName, verificationRecordValue } from "@tessera/domain";
import type { CustomizationRow } from "./store.ts";
import { storedValue } from "./stored-value.ts";

/** The record with the TXT proof the customer publishes, and the state of both checks. */
export const domainView = (row: Pick<CustomizationRow, "id" | "value" | "version" | "updatedAt">) => {
  const value = storedValue("DOMAIN", row.value);
  return {
    id: row.id,
    version: row.version,
    ...value,
    verification: {
      type: "TXT" as const,
      name: verificationRecordName(value.hostname),
      value: verificationRecordValue(value.token),
    },
    updatedAt: row.updatedAt,
  };
};

/**
 * The routing record(s) to publish: a CNAME to the platform's target, or for an apex (which DNS
 * allows no CNAME) an A or AAAA record per address of the target, as last looked up. `value`
 * null: the target's addresses are not known until the first check.
 */
const routingRecords = (hostname: string, target: string, targetAddresses: string[] | undefined) => {
  if (!isApexDomain(hostname)) return [{ type: "CNAME" as const, name: hostname, value: target }];
  if (!targetAddresses?.length) return [{ type: "A" as const, name: hostname, value: null }];
  return targetAddresses.map((address) => ({
    type: address.includes(":") ? ("AAAA" as const) : ("A" as const),
    name: hostname,
    value: address,
  }));
};

/** The domain as its own page shows it: both records to publish, with where to point. */
export const domainWithInstructions = (
  row: Pick<CustomizationRow, "id" | "value" | "version" | "updatedAt">,
  target: string,
) => {
  const view = domainView(row);
  return {
    ...view,
    routingTarget: target,
    apex: isApexDomain(view.hostname),
    routingRecords: routingRecords(view.hostname, target, view.routing?.targetAddresses),
  };
};
