import { DomainValue, Integration, SsoSettingsValue } from "@tessera/domain";
import type { z } from "zod";

interface StoredValues {
  DOMAIN: DomainValue;
  INTEGRATION: Integration;
  SSO: SsoSettingsValue;
}
const SCHEMAS: { [Kind in keyof StoredValues]: z.ZodType<StoredValues[Kind]> } = {
  DOMAIN: DomainValue,
  INTEGRATION: Integration,
  SSO: SsoSettingsValue,
};

/**
 * A customization record's JSON value as its kind's type: the one place stored JSON becomes
 * typed. A value of the wrong shape throws here (a server fault, not the caller's).
 */
export const storedValue = <Kind extends keyof StoredValues>(
  kind: Kind,
  value: unknown,
): StoredValues[Kind] => SCHEMAS[kind].parse(value);
