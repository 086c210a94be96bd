import { DomainError } from "@tessera/domain";
import { z } from "zod";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "./protocol.ts";

/** The user's columns SCIM reads and writes. */
export interface ScimUserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  scimExternalId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a directory may change of a user, as stored. */
export interface ScimUserChange {
  email: string;
  name: string;
  active: boolean;
  externalId: string | null;
}

/** The writable attributes as a SCIM document, which PATCH operations edit. */
export interface WritableUser {
  userName: unknown;
  externalId?: unknown;
  name?: unknown;
  displayName?: unknown;
  active?: unknown;
  emails?: unknown;
  [attribute: string]: unknown;
}

export const invalidValue = (detail: string, field: string) =>
  new DomainError("BAD_REQUEST", detail, { field, scimType: "invalidValue" });

/** Body `schemas` must name only schemas this resource speaks. */
export const requireSchemas = (body: Record<string, unknown>, allowed: readonly string[]) => {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || schemas.length === 0) {
    throw new DomainError("BAD_REQUEST", "schemas is required", {
      field: "schemas",
      scimType: "invalidSyntax",
    });
  }
  const unknown = schemas.find((schema) => typeof schema !== "string" || !allowed.includes(schema));
  if (unknown !== undefined) {
    throw new DomainError("BAD_REQUEST", `Unsupported schema ${String(unknown)}`, {
      field: "schemas",
      scimType: "invalidSyntax",
    });
  }
};
export const USER_BODY_SCHEMAS = [USER_SCHEMA, ENTERPRISE_USER_SCHEMA] as const;

/** Display names of the role groups; the group ids are their lower-cased names. */
export const ROLE_GROUPS = [
  { id: "owners", displayName: "Owners", role: "OWNER" },
  { id: "admins", displayName: "Admins", role: "ADMIN" },
  { id: "members", displayName: "Members", role: "MEMBER" },
] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];
const groupOfRole = (role: string) => ROLE_GROUPS.find((group) => group.role === role);

/** users.name holds one string: the first word is read back as the given name. */
const splitName = (name: string) => {
  const [givenName = "", ...rest] = name.trim().split(/\s+/);
  return { formatted: name, givenName, familyName: rest.join(" ") };
};

export const toScimUser = (row: ScimUserRow, base: string) => {
  const group = groupOfRole(row.role);
  return {
    schemas: [USER_SCHEMA],
    id: row.id,
    ...(row.scimExternalId !== null ? { externalId: row.scimExternalId } : {}),
    userName: row.email,
    name: splitName(row.name),
    displayName: row.name,
    active: row.disabledAt === null,
    emails: [{ value: row.email, type: "work", primary: true }],
    groups: group
      ? [{ value: group.id, display: group.displayName, $ref: `${base}/Groups/${group.id}` }]
      : [],
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${base}/Users/${row.id}`,
    },
  };
};

const Email = z.email().max(254);
const Text = z.string().trim().max(200);

/** Entra sends booleans as "True"/"False". */
const booleanValue = (value: unknown, field: string): boolean => {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw invalidValue(`${field} must be a boolean`, field);
};

const textOf = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const parsed = Text.safeParse(value);
  if (!parsed.success) throw invalidValue(`${field} must be a string of at most 200 characters`, field);
  return parsed.data || undefined;
};

/** The name to store: given and family names when sent, else the formatted or display name. */
const nameOf = (document: WritableUser, fallback: string): string => {
  const name = (typeof document.name === "object" && document.name !== null ? document.name : {}) as Record<
    string,
    unknown
  >;
  const given = textOf(name.givenName, "name.givenName");
  const family = textOf(name.familyName, "name.familyName");
  const joined = [given, family].filter(Boolean).join(" ");
  return (
    joined ||
    textOf(name.formatted, "name.formatted") ||
    textOf(document.displayName, "displayName") ||
    fallback
  );
};

/** Check a user document and turn it into the columns it sets. */
export const toUserChange = (document: WritableUser): ScimUserChange => {
  if (document.userName === undefined || document.userName === null || document.userName === "") {
    throw invalidValue("userName is required", "userName");
  }
  const email = Email.safeParse(typeof document.userName === "string" ? document.userName.trim() : null);
  if (!email.success) throw invalidValue("userName must be an email address", "userName");
  const externalId = textOf(document.externalId, "externalId") ?? null;
  return {
    email: email.data.toLowerCase(),
    name: nameOf(document, email.data.split("@")[0] ?? email.data),
    active:
      document.active === undefined || document.active === null
        ? true
        : booleanValue(document.active, "active"),
    externalId,
  };
};

export { booleanValue };
