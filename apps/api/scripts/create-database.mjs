// Creates a fresh, empty database on the server of the URL given and prints its URL.
import { randomBytes } from "node:crypto";
import postgres from "postgres";

const serverUrl = process.argv[2];
if (!serverUrl) {
  console.error("usage: create-database.mjs postgres://…");
  process.exit(2);
}
const name = `tessera_${randomBytes(6).toString("hex")}`;
const sql = postgres(serverUrl, { onnotice: () => {}, max: 1 });
await sql.unsafe(`create database ${name}`);
await sql.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
console.log(url.toString());
