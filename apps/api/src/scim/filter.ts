import { DomainError } from "@tessera/domain";
import { type Filter, flatten, parse } from "scim2-parse-filter";

/** The lookups a directory makes before it creates or links a user or group. */
export interface ScimLookup {
  attribute: "id" | "userName" | "externalId" | "displayName";
  value: string;
}

const USER_ATTRIBUTES: Record<string, ScimLookup["attribute"]> = {
  id: "id",
  username: "userName",
  externalid: "externalId",
  "emails.value": "userName",
};
const GROUP_ATTRIBUTES: Record<string, ScimLookup["attribute"]> = {
  id: "id",
  displayname: "displayName",
  externalid: "externalId",
};

const invalidFilter = (detail: string) =>
  new DomainError("BAD_REQUEST", detail, { field: "filter", scimType: "invalidFilter" });

/** Attribute names are case-insensitive and may carry their schema's URN. */
const attributeName = (path: string) =>
  path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, "").toLowerCase();

const equality = (filter: Filter, known: Record<string, ScimLookup["attribute"]>): ScimLookup | null => {
  if (filter.op !== "eq" || !("compValue" in filter) || typeof filter.compValue !== "string") return null;
  const attribute = known[attributeName(filter.attrPath)];
  return attribute ? { attribute, value: filter.compValue } : null;
};

/** `emails[type eq "work"].value eq "x"` flattens to `emails.type eq "work" and emails.value eq "x"`. */
const workEmail = (filter: Filter): ScimLookup | null => {
  if (filter.op !== "and" || !("filters" in filter) || filter.filters.length !== 2) return null;
  const [type, value] = filter.filters;
  if (!type || !value || type.op !== "eq" || !("compValue" in type)) return null;
  if (attributeName(type.attrPath) !== "emails.type" || type.compValue !== "work") return null;
  return equality(value, { "emails.value": "userName" });
};

/**
 * The one equality a filter asks for. Only what directories send is supported: anything
 * else answers 400 invalidFilter rather than a silently wrong list.
 */
export const parseScimFilter = (text: string, resource: "User" | "Group"): ScimLookup => {
  let parsed: Filter;
  try {
    parsed = flatten(parse(text));
  } catch {
    throw invalidFilter("The filter is not valid SCIM filter syntax");
  }
  const lookup =
    resource === "User"
      ? (equality(parsed, USER_ATTRIBUTES) ?? workEmail(parsed))
      : equality(parsed, GROUP_ATTRIBUTES);
  if (!lookup) {
    const supported =
      resource === "User"
        ? 'userName eq, externalId eq, id eq or emails[type eq "work"].value eq'
        : "displayName eq, externalId eq or id eq";
    throw invalidFilter(`Unsupported filter: only ${supported} with a string value are supported`);
  }
  return lookup;
};
