export * from "./client.ts";
export * from "./errors.ts";
export * from "./fresh-database.ts";
export { expectedMigrationCount } from "./migrations.ts";
export * from "./types.ts";
