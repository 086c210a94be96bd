/** SCIM 2.0 (RFC 7643/7644) names and the static discovery documents. */
export const SCIM_BASE = "/scim/v2";
export const SCIM_CONTENT_TYPE = "application/scim+json";
/** Bodies above this are refused with 413 before they are parsed. */
export const SCIM_MAX_BODY_BYTES = 64 * 1024;
/** The most resources one list answers. */
export const SCIM_MAX_RESULTS = 200;

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
/** Directories send the enterprise extension with users; its attributes are not stored. */
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
const CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

export const serviceProviderConfig = (base: string) => ({
  schemas: [CONFIG_SCHEMA],
  documentationUri: `${base}/ServiceProviderConfig`,
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "OAuth Bearer Token",
      description: "A SCIM token created in the portal's SCIM settings, sent as Authorization: Bearer",
      primary: true,
    },
  ],
  meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
});

const resourceType = (base: string, name: "User" | "Group", schema: string) => ({
  schemas: [RESOURCE_TYPE_SCHEMA],
  id: name,
  name,
  endpoint: `/${name}s`,
  schema,
  ...(name === "User" ? { schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }] } : {}),
  meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/${name}` },
});

export const resourceTypes = (base: string) => [
  resourceType(base, "User", USER_SCHEMA),
  resourceType(base, "Group", GROUP_SCHEMA),
];

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: "string",
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

const USER_ATTRIBUTES = [
  attribute("userName", { required: true, uniqueness: "server", description: "The user's email address" }),
  attribute("externalId", { caseExact: true }),
  attribute("name", {
    type: "complex",
    subAttributes: [attribute("formatted"), attribute("givenName"), attribute("familyName")],
  }),
  attribute("active", { type: "boolean" }),
  attribute("emails", {
    type: "complex",
    multiValued: true,
    description: "The work address; it is the userName",
    subAttributes: [attribute("value"), attribute("type"), attribute("primary", { type: "boolean" })],
  }),
  attribute("groups", {
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    subAttributes: [
      attribute("value", { mutability: "readOnly" }),
      attribute("display", { mutability: "readOnly" }),
    ],
  }),
];

const GROUP_ATTRIBUTES = [
  attribute("displayName", { required: true, mutability: "readOnly", uniqueness: "server" }),
  attribute("members", {
    type: "complex",
    multiValued: true,
    subAttributes: [
      attribute("value", { mutability: "immutable" }),
      attribute("display", { mutability: "readOnly" }),
    ],
  }),
];

const schema = (base: string, id: string, name: string, attributes: unknown[]) => ({
  schemas: [SCHEMA_SCHEMA],
  id,
  name,
  attributes,
  meta: { resourceType: "Schema", location: `${base}/Schemas/${id}` },
});

export const schemaDocuments = (base: string) => [
  schema(base, USER_SCHEMA, "User", USER_ATTRIBUTES),
  schema(base, GROUP_SCHEMA, "Group", GROUP_ATTRIBUTES),
];

/** A list answer: the page of resources and the total the filter matched. */
export const listResponse = (resources: unknown[], totalResults: number, startIndex: number) => ({
  schemas: [LIST_SCHEMA],
  totalResults,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});
