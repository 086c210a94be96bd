export * from "./client.ts";
export * from "./errors.ts";
export * from "./fresh-database.ts";
export * from "./types.ts";
