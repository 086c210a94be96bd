export * from "./audit.ts";
export * from "./keys.ts";
export * from "./licenses.ts";
export * from "./organizations.ts";
export * from "./rate-limits.ts";
export * from "./support.ts";
export * from "./usage.ts";
export * from "./users.ts";
