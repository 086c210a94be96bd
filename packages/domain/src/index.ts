export * from "./audit/inputs.ts";
export * from "./auth/inputs.ts";
export * from "./auth/roles.ts";
export * from "./errors.ts";
export * from "./organizations/inputs.ts";
export * from "./organizations/team.ts";
export * from "./pagination.ts";
