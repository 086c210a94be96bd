export * from "./client.ts";
export * from "./errors.ts";
export * from "./fresh-database.ts";
export { expectedMigrationCount, migrationsFolder } from "./migrations.ts";
export * from "./types.ts";
