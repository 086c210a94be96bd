export * from "./audit.ts";
export * from "./organizations.ts";
export * from "./users.ts";
