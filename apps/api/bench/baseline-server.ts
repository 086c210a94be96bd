// The baseline for validation: a bare node:http server answering the same lookup with one
// postgres.js query by key hash. No framework, no auth, no rate limits: the floor we compare to.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const sql = postgres(url, { onnotice: () => {}, max: 10 });

const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => {
    body += chunk;
  });
  req.on("end", async () => {
    try {
      const { key } = JSON.parse(body) as { key: string };
      const hash = createHash("sha256").update(key.toUpperCase()).digest("hex");
      const [row] = await sql`
        select l.id, l.tier, l.status, l.expires_at, o.name as organization_name
        from licenses l join organizations o on o.id = l.organization_id
        where l.key_hash = ${hash}`;
      const valid = row !== undefined && row.status === "ACTIVE" && new Date(row.expires_at) > new Date();
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
