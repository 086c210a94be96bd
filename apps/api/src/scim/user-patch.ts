import { DomainError } from "@tessera/domain";
import { booleanValue, invalidValue, type WritableUser } from "./user-document.ts";

/** One PatchOp operation as sent (RFC 7644 §3.5.2); `op` is case-insensitive (Entra sends "Replace"). */
export interface PatchOperation {
  op: string;
  path?: string | undefined;
  value?: unknown;
}

const noTarget = (detail: string) =>
  new DomainError("BAD_REQUEST", detail, { field: "path", scimType: "noTarget" });

const WORK_EMAIL_VALUE = /^emails\[type eq "work"\]\.value$/i;
const NAME_PARTS: Record<string, string> = {
  "name.givenname": "givenName",
  "name.familyname": "familyName",
  "name.formatted": "formatted",
};
const SIMPLE: Record<string, keyof WritableUser> = {
  username: "userName",
  externalid: "externalId",
  displayname: "displayName",
};

const pathOf = (path: string) => path.trim().replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, "");

const nameObject = (document: WritableUser): Record<string, unknown> =>
  typeof document.name === "object" && document.name !== null ? { ...(document.name as object) } : {};

/** The address a multi-valued `emails` value carries: the work or primary one, else the first. */
const addressOf = (emails: unknown): unknown => {
  if (!Array.isArray(emails)) throw invalidValue("emails must be an array", "emails");
  const chosen =
    emails.find((email) => email?.type === "work") ??
    emails.find((email) => email?.primary === true) ??
    emails[0];
  return chosen?.value;
};

/** Apply one attribute at `path`; attributes Tessera does not keep (title, enterprise fields …) are ignored. */
const applyAttribute = (
  document: WritableUser,
  rawPath: string,
  value: unknown,
  remove: boolean,
): WritableUser => {
  const path = pathOf(rawPath);
  const key = path.toLowerCase();
  if (key === "active") return remove ? document : { ...document, active: booleanValue(value, "active") };
  const simple = SIMPLE[key];
  if (simple) return { ...document, [simple]: remove ? undefined : value };
  const part = NAME_PARTS[key];
  if (part) return { ...document, name: { ...nameObject(document), [part]: remove ? undefined : value } };
  if (key === "name") {
    if (remove) return { ...document, name: undefined };
    if (typeof value !== "object" || value === null) throw invalidValue("name must be an object", "name");
    return { ...document, name: { ...nameObject(document), ...value } };
  }
  if (WORK_EMAIL_VALUE.test(path)) return remove ? document : { ...document, userName: value };
  if (key === "emails") return remove ? document : { ...document, userName: addressOf(value) };
  if (key === "groups" || key.startsWith("groups[") || key === "id" || key.startsWith("meta")) {
    throw new DomainError("BAD_REQUEST", `${path} is read-only`, { field: "path", scimType: "mutability" });
  }
  return document;
};

/**
 * Apply a PatchOp's operations to a user document, in order. Without `path` the value is
 * an object of attribute paths (Okta: `{"active":false}`; Entra: `{"name.givenName":"x"}`).
 */
export const applyUserPatch = (
  document: WritableUser,
  operations: readonly PatchOperation[],
): WritableUser => {
  let patched = document;
  for (const operation of operations) {
    const op = typeof operation.op === "string" ? operation.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove") {
      throw invalidValue(`op must be add, replace or remove`, "op");
    }
    if (op === "remove") {
      if (!operation.path) throw noTarget("remove needs a path");
      patched = applyAttribute(patched, operation.path, undefined, true);
    } else if (operation.path) {
      patched = applyAttribute(patched, operation.path, operation.value, false);
    } else {
      const value = operation.value;
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw invalidValue("value must be an object of attributes when there is no path", "value");
      }
      for (const [attribute, attributeValue] of Object.entries(value)) {
        patched = applyAttribute(patched, attribute, attributeValue, false);
      }
    }
  }
  return patched;
};

/** The operations of a PatchOp body: an array of objects, at most 100. */
export const patchOperations = (body: Record<string, unknown>): PatchOperation[] => {
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0 || operations.length > 100) {
    throw invalidValue("Operations must be an array of 1 to 100 operations", "Operations");
  }
  for (const operation of operations) {
    if (typeof operation !== "object" || operation === null)
      throw invalidValue("an operation must be an object", "Operations");
    if (operation.path !== undefined && typeof operation.path !== "string")
      throw invalidValue("path must be a string", "path");
  }
  return operations as PatchOperation[];
};
