// Fresh databases for the browser tests on PostgreSQL:
//   tsx scripts/create-database.ts postgres://server/db   → prints the URL of a new, empty database
//   tsx scripts/create-database.ts --drop postgres://server/tessera_e2e_…   → drops it
import { createFreshDatabase } from "@tessera/db";
import postgres from "postgres";

const [first, second] = process.argv.slice(2);
if (first === "--drop" && second) {
  const url = new URL(second);
  const name = url.pathname.slice(1);
  if (!/^tessera_e2e_[0-9a-f]+$/.test(name))
    throw new Error(`refusing to drop ${name}: not a browser-test database`);
  url.pathname = "/postgres";
  const sql = postgres(url.toString(), { onnotice: () => {}, max: 1 });
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  await sql.end();
} else if (first) {
  console.log((await createFreshDatabase(first, "tessera_e2e")).url);
} else {
  console.error("usage: create-database.ts <server-url> | --drop <database-url>");
  process.exit(2);
}
