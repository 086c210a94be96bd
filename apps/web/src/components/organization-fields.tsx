import type { ReactNode } from "react";
import { Field } from "./field.tsx";
import type { FieldErrors } from "./use-form.ts";

/** Contact and billing fields as the form holds them: plain strings. */
export interface ContactValues {
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
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

export const contactValuesOf = (organization?: StoredContact): ContactValues => ({
  contactName: organization?.contactName ?? "",
  contactEmail: organization?.contactEmail ?? "",
  contactPhone: organization?.contactPhone ?? "",
  line1: organization?.billingAddress?.line1 ?? "",
  line2: organization?.billingAddress?.line2 ?? "",
  city: organization?.billingAddress?.city ?? "",
  region: organization?.billingAddress?.region ?? "",
  postalCode: organization?.billingAddress?.postalCode ?? "",
  country: organization?.billingAddress?.country ?? "",
});

const optional = (value: string) => (value.trim() === "" ? undefined : value);

/** The API's shape: an empty phone is null, an address with no field filled is null. */
export const contactInputOf = (values: ContactValues) => {
  const address = [values.line1, values.line2, values.city, values.region, values.postalCode, values.country];
  return {
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone.trim() === "" ? null : values.contactPhone,
    billingAddress: address.every((part) => part.trim() === "")
      ? null
      : {
          line1: values.line1,
          line2: optional(values.line2),
          city: values.city,
          region: optional(values.region),
          postalCode: optional(values.postalCode),
          country: values.country.trim().toUpperCase(),
        },
  };
};

export const ContactFields = ({
  values,
  onChange,
  errors,
}: {
  values: ContactValues;
  onChange: (values: ContactValues) => void;
  errors: FieldErrors;
}) => {
  const set = (key: keyof ContactValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">Contact</legend>
        <Field
          label="Contact name"
          name="contactName"
          value={values.contactName}
          onChange={set("contactName")}
          error={errors.contactName}
          required
        />
        <Field
          label="Contact email"
          name="contactEmail"
          type="email"
          value={values.contactEmail}
          onChange={set("contactEmail")}
          error={errors.contactEmail}
          required
        />
        <Field
          label="Contact phone"
          name="contactPhone"
          value={values.contactPhone}
          onChange={set("contactPhone")}
          error={errors.contactPhone}
        />
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
          Billing address
        </legend>
        <Field
          label="Address line 1"
          name="line1"
          value={values.line1}
          onChange={set("line1")}
          error={errors["billingAddress.line1"]}
        />
        <Field
          label="Address line 2"
          name="line2"
          value={values.line2}
          onChange={set("line2")}
          error={errors["billingAddress.line2"]}
        />
        <Field
          label="City"
          name="city"
          value={values.city}
          onChange={set("city")}
          error={errors["billingAddress.city"]}
        />
        <Field
          label="Region"
          name="region"
          value={values.region}
          onChange={set("region")}
          error={errors["billingAddress.region"]}
        />
        <Field
          label="Postal code"
          name="postalCode"
          value={values.postalCode}
          onChange={set("postalCode")}
          error={errors["billingAddress.postalCode"]}
        />
        <Field
          label="Country (ISO code)"
          name="country"
          value={values.country}
          onChange={set("country")}
          error={errors["billingAddress.country"]}
          hint="Two letters, e.g. GB"
        />
      </fieldset>
    </>
  );
};

/** A billing address on one line, or a dash. */
export const formatAddress = (address: StoredContact["billingAddress"]) =>
  address
    ? [address.line1, address.line2, address.city, address.region, address.postalCode, address.country]
        .filter(Boolean)
        .join(", ")
    : "—";

export const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
      {label}
    </dt>
    <dd className="mt-1 text-sm text-slate-900 dark:text-slate-100">{children}</dd>
  </div>
);

/** Contact and billing details, read-only. */
export const ContactDetails = ({ organization }: { organization: StoredContact }) => (
  <>
    <Detail label="Contact">
      {organization.contactName}
      <br />
      <span className="text-slate-600 dark:text-slate-300">{organization.contactEmail}</span>
    </Detail>
    <Detail label="Phone">{organization.contactPhone ?? "—"}</Detail>
    <Detail label="Billing address">{formatAddress(organization.billingAddress)}</Detail>
  </>
);
