// The warm-cache baseline for validation: a bare node:http server answering from an in-memory
// Map of every license by key hash, loaded once at start. No framework, no database on the
// request path, no auth, no rate limits, no logging: the floor a cached validation can reach.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const sql = postgres(url, { onnotice: () => {}, max: 1 });

interface Row {
  id: string;
  tier: string;
  status: string;
  expires_at: Date;
  organization_name: string;
}

const byHash = new Map<string, Row>();
for (const row of await sql<(Row & { key_hash: string })[]>`
  select l.key_hash, l.id, l.tier, l.status, l.expires_at, o.name as organization_name
  from licenses l join organizations o on o.id = l.organization_id`) {
  const { key_hash, ...license } = row;
  byHash.set(key_hash, license);
}
await sql.end();

const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => {
    body += chunk;
  });
  req.on("end", () => {
    try {
      const { key } = JSON.parse(body) as { key: string };
      const hash = createHash("sha256").update(key.toUpperCase()).digest("hex");
      const row = byHash.get(hash);
      const valid = row !== undefined && row.status === "ACTIVE" && row.expires_at > new Date();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          valid,
          code: row ? (valid ? "VALID" : row.status) : "NOT_FOUND",
          license: row ?? null,
        }),
      );
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : ""}`);
});
