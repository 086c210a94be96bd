import type { ReactNode } from "react";
import type { Control } from "react-hook-form";
import { FormField } from "./form-field.tsx";

/** Contact and billing fields as the form holds them: plain strings, at the API's paths. */
export interface ContactValues {
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  billingAddress: {
    line1: string;
    line2: string;
    city: string;
    region: string;
    postalCode: string;
    country: string;
  };
}

interface StoredContact {
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  billingAddress: {
    line1: string;
    line2?: string | undefined;
    city: string;
    region?: string | undefined;
    postalCode?: string | undefined;
    country: string;
  } | null;
}

export const contactValuesOf = (organization?: StoredContact): ContactValues => {
  const address = organization?.billingAddress;
  return {
    contactName: organization?.contactName ?? "",
    contactEmail: organization?.contactEmail ?? "",
    contactPhone: organization?.contactPhone ?? "",
    billingAddress: {
      line1: address?.line1 ?? "",
      line2: address?.line2 ?? "",
      city: address?.city ?? "",
      region: address?.region ?? "",
      postalCode: address?.postalCode ?? "",
      country: address?.country ?? "",
    },
  };
};

const optional = (value: string) => (value.trim() === "" ? undefined : value);

/** The API's shape: an empty phone is null, an address with no field filled is null. */
export const contactInputOf = (values: ContactValues) => {
  const address = values.billingAddress;
  return {
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone.trim() === "" ? null : values.contactPhone,
    billingAddress: Object.values(address).every((part) => part.trim() === "")
      ? null
      : {
          line1: address.line1,
          line2: optional(address.line2),
          city: address.city,
          region: optional(address.region),
          postalCode: optional(address.postalCode),
          country: address.country.trim().toUpperCase(),
        },
  };
};

const ADDRESS_FIELDS = [
  { key: "line1", label: "Address line 1" },
  { key: "line2", label: "Address line 2" },
  { key: "city", label: "City" },
  { key: "region", label: "Region" },
  { key: "postalCode", label: "Postal code" },
  { key: "country", label: "Country (ISO code)", hint: "Two letters, e.g. GB" },
] as const;

// biome-ignore lint/suspicious/noExplicitAny: a form holding contact fields among others
export const ContactFields = ({ control }: { control: Control<ContactValues, unknown, any> }) => (
  <>
    <fieldset className="grid gap-4 md:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold text-fg-muted">Contact</legend>
      <FormField control={control} label="Contact name" name="contactName" required />
      <FormField control={control} label="Contact email" name="contactEmail" type="email" required />
      <FormField control={control} label="Contact phone" name="contactPhone" />
    </fieldset>
    <fieldset className="grid gap-4 md:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold text-fg-muted">Billing address</legend>
      {ADDRESS_FIELDS.map((field) => (
        <FormField
          key={field.key}
          control={control}
          label={field.label}
          name={`billingAddress.${field.key}`}
          htmlName={field.key}
          hint={"hint" in field ? field.hint : undefined}
        />
      ))}
    </fieldset>
  </>
);

/** A billing address on one line, or a dash. */
export const formatAddress = (address: StoredContact["billingAddress"]) =>
  address
    ? [address.line1, address.line2, address.city, address.region, address.postalCode, address.country]
        .filter(Boolean)
        .join(", ")
    : "—";

export const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <dt className="text-xs font-medium uppercase tracking-wide text-fg-muted">{label}</dt>
    <dd className="mt-1 text-sm text-fg">{children}</dd>
  </div>
);

/** Contact and billing details, read-only. */
export const ContactDetails = ({ organization }: { organization: StoredContact }) => (
  <>
    <Detail label="Contact">
      {organization.contactName}
      <br />
      <span className="text-fg-muted">{organization.contactEmail}</span>
    </Detail>
    <Detail label="Phone">{organization.contactPhone ?? "—"}</Detail>
    <Detail label="Billing address">{formatAddress(organization.billingAddress)}</Detail>
  </>
);
