import { createServer, type RequestListener, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ticketAttachments, ticketAttachmentsContent } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler } from "../src/http.ts";
import { pruneOrphanAttachments } from "../src/support/attachments-orphans.ts";
import { createTestHarness, errorCode, errorField, type Persona, type TestHarness } from "./harness.ts";

/** The real request handler on a loopback port: uploads and downloads go over HTTP. */
let h: TestHarness;
let server: Server;
let base = "";
beforeAll(async () => {
  let handler: RequestListener = (_req, res) => res.end();
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await createTestHarness({ PUBLIC_URL: base });
  const handle = createRequestHandler(h.deps);
  handler = (req, res) => void handle(req, res);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("IHDR fixture bytes"),
]);
const TEXT = Buffer.from("line one\nligne deux é\n", "utf8");
const MiB = 1024 * 1024;

const cookies = new Map<string, string>();
const cookieOf = async (persona: Persona) => {
  let cookie = cookies.get(persona);
  if (!cookie) {
    cookie = `tessera_session=${await h.sessionToken(h.userIds[persona as keyof typeof h.userIds])}`;
    cookies.set(persona, cookie);
  }
  return cookie;
};

const upload = async (
  persona: Persona | "anonymous",
  bytes: Buffer | ReadableStream<Uint8Array>,
  contentType: string,
  filename: string | null = "file.bin",
  extraHeaders: Record<string, string> = {},
) => {
  const query = filename === null ? "" : `?filename=${encodeURIComponent(filename)}`;
  const response = await fetch(`${base}/support/attachments${query}`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      ...(persona === "anonymous" ? {} : { cookie: await cookieOf(persona) }),
      ...extraHeaders,
    },
    body: bytes,
    ...(bytes instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const body = (await response.json()) as {
    id?: string;
    error?: { code: string; field?: string };
  };
  return { status: response.status, body };
};

/** Headers declaring `length` bytes and one byte of body: the answer must come without the rest. */
const declaredOnly = async (length: number) => {
  const cookie = await cookieOf("memberA");
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${base}/support/attachments?filename=big.txt`,
      { method: "POST", headers: { "content-type": "text/plain", "content-length": String(length), cookie } },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.write("a");
  });
};

const uploaded = async (persona: Persona, bytes: Buffer, contentType: string, filename: string) => {
  const { status, body } = await upload(persona, bytes, contentType, filename);
  expect(status).toBe(201);
  return body.id as string;
};

const download = async (persona: Persona, attachmentId: string) =>
  fetch(`${base}/support/attachments/${attachmentId}`, { headers: { cookie: await cookieOf(persona) } });

describe("upload and download", () => {
  it("attaches a PNG and a text file to a customer's reply; both sides download them with safe headers", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    const png = await uploaded("memberA", PNG, "image/png", "screen shot.png");
    const text = await uploaded("memberA", TEXT, "text/plain; charset=utf-8", "journal d'été.txt");
    await (await h.caller("memberA")).support.replyMine({
      ticketId,
      body: "Two files",
      attachmentIds: [png, text],
    });
    const ticket = await (await h.caller("memberA")).support.getMine({ ticketId });
    const message = ticket.messages.find((m) => m.body === "Two files");
    // both uploaded at the harness's fixed instant: their order is the ids', so compare as a set
    expect(ticket.attachments.map((a) => [a.messageId, a.filename, a.contentType, a.sizeBytes])).toEqual(
      expect.arrayContaining([
        [message?.id, "screen shot.png", "image/png", PNG.length],
        [message?.id, "journal d'été.txt", "text/plain", TEXT.length],
      ]),
    );
    expect(ticket.attachments).toHaveLength(2);
    for (const persona of ["memberA", "staffSupport"] as const) {
      const response = await download(persona, text);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(TEXT);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="journal d'_t_.txt"; filename*=UTF-8''journal%20d%27%C3%A9t%C3%A9.txt`,
      );
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    }
    const image = await download("staffAdmin", png);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);
  });

  it("attaches files to a new ticket's description (message null)", async () => {
    const id = await uploaded("memberA", PNG, "image/png", "../../etc/passwd.png");
    const created = await (await h.caller("memberA")).support.create({
      subject: "With a file",
      description: "See the picture",
      attachmentIds: [id],
    });
    const ticket = await (await h.caller("staffSupport")).support.get({ ticketId: created.id });
    expect(ticket.attachments).toMatchObject([{ id, messageId: null, filename: "passwd.png" }]);
  });
});

describe("refusals", () => {
  it("reads the type from the bytes: a mismatch names file, an unknown type contentType", async () => {
    const cases: [Buffer, string, number, string][] = [
      [PNG, "image/jpeg", 400, "file"],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), "image/png", 400, "file"],
      [Buffer.from("%PDF-1.7\n"), "text/plain", 400, "file"],
      [Buffer.from("plain words"), "application/pdf", 400, "file"],
      [Buffer.from("nul\u0000inside"), "text/plain", 400, "file"],
      [Buffer.from([0x68, 0x69, 0xc3, 0x28]), "text/plain", 400, "file"],
      [Buffer.alloc(0), "text/plain", 400, "file"],
      [Buffer.from("PK\u0003\u0004zip"), "application/zip", 415, "contentType"],
      [PNG, "image/svg+xml", 415, "contentType"],
    ];
    for (const [bytes, type, status, field] of cases) {
      const answer = await upload("memberA", bytes, type);
      expect({ type, status: answer.status, field: answer.body.error?.field }).toEqual({
        type,
        status,
        field,
      });
    }
    const unnamed = await upload("memberA", PNG, "image/png", null);
    expect([unnamed.status, unnamed.body.error?.field]).toEqual([400, "filename"]);
  });

  it("refuses more than 10 MiB with 413: by Content-Length at once, and a chunked body mid-stream", async () => {
    const declared = await declaredOnly(200 * MiB);
    expect([declared.status, JSON.parse(declared.body).error?.field]).toEqual([413, "file"]);
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200 * MiB) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await upload("memberA", stream, "text/plain");
    expect([streamed.status, streamed.body.error?.field]).toEqual([413, "file"]);
    expect(sent).toBeLessThan(200 * MiB);
    const exact = await upload("memberA", Buffer.alloc(10 * MiB, 0x61), "text/plain", "big.txt");
    expect(exact.status).toBe(201);
  });

  it("needs a session and a same-site origin", async () => {
    expect((await upload("anonymous", PNG, "image/png")).status).toBe(401);
    const crossSite = await upload("memberA", PNG, "image/png", "x.png", { origin: "https://evil.test" });
    expect(crossSite.status).toBe(403);
    const anonymousGet = await fetch(`${base}/support/attachments/${crypto.randomUUID()}`);
    expect(anonymousGet.status).toBe(401);
  });

  it("takes at most five files per message, each once", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await uploaded("adminA", TEXT, "text/plain", `n${i}.txt`));
    const member = await h.caller("adminA");
    const six = member.support.replyMine({ ticketId, body: "six", attachmentIds: ids });
    expect(await errorField(six)).toBe("attachmentIds");
    await member.support.replyMine({ ticketId, body: "five", attachmentIds: ids.slice(0, 5) });
    const again = member.support.replyMine({ ticketId, body: "again", attachmentIds: [ids[0] as string] });
    expect(await errorField(again)).toBe("attachmentIds");
  });
});

describe("tenancy", () => {
  it("keeps another organisation's files out of reach: 404 to download, refused to attach", async () => {
    const ticketA = await h.newTicket(h.orgA.id);
    const ticketB = await h.newTicket(h.orgB.id);
    const fileA = await uploaded("memberA", PNG, "image/png", "a.png");
    await (await h.caller("memberA")).support.replyMine({
      ticketId: ticketA,
      body: "a",
      attachmentIds: [fileA],
    });
    expect((await download("ownerB", fileA)).status).toBe(404);
    expect((await download("ownerB", crypto.randomUUID())).status).toBe(404);
    // B may not take A's upload into its own ticket, nor A's pending one
    const pendingA = await uploaded("memberA", PNG, "image/png", "pending.png");
    const stolen = (await h.caller("ownerB")).support.replyMine({
      ticketId: ticketB,
      body: "mine now",
      attachmentIds: [pendingA],
    });
    expect(await errorField(stolen)).toBe("attachmentIds");
    // a pending upload is its uploader's alone, even within the organisation
    expect((await download("adminA", pendingA)).status).toBe(404);
    expect((await download("memberA", pendingA)).status).toBe(200);
    const byColleague = (await h.caller("adminA")).support.replyMine({
      ticketId: ticketA,
      body: "colleague's file",
      attachmentIds: [pendingA],
    });
    expect(await errorField(byColleague)).toBe("attachmentIds");
    // A's customer cannot reach B's ticket at all
    const intoB = (await h.caller("memberA")).support.replyMine({
      ticketId: ticketB,
      body: "x",
      attachmentIds: [pendingA],
    });
    expect(await errorCode(intoB)).toBe("NOT_FOUND");
  });

  it("hides files on internal notes from customers; staff see and download them", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    const note = await uploaded("staffSupport", TEXT, "text/plain", "internal.txt");
    await (await h.caller("staffSupport")).support.reply({
      ticketId,
      body: "for staff",
      internal: true,
      attachmentIds: [note],
    });
    const forCustomer = await (await h.caller("memberA")).support.getMine({ ticketId });
    expect(forCustomer.attachments).toEqual([]);
    expect((await download("memberA", note)).status).toBe(404);
    const forStaff = await (await h.caller("staffAdmin")).support.get({ ticketId });
    expect(forStaff.attachments.map((a) => a.id)).toEqual([note]);
    expect((await download("staffAdmin", note)).status).toBe(200);
    const [stored] = await h.db.select().from(ticketAttachments).where(eq(ticketAttachments.id, note));
    expect(stored?.organizationId).toBe(h.orgA.id);
  });
});

describe("orphan uploads", () => {
  it("deletes uploads not attached within the hour, bytes too, and leaves attached ones", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    const kept = await uploaded("ownerA", PNG, "image/png", "kept.png");
    await (await h.caller("ownerA")).support.replyMine({ ticketId, body: "kept", attachmentIds: [kept] });
    const orphan = await uploaded("ownerA", PNG, "image/png", "orphan.png");
    const now = h.clock.now().getTime();
    expect((await pruneOrphanAttachments(h.deps, new Date(now + 59 * 60_000))).deleted).toBe(0);
    const pruned = await pruneOrphanAttachments(h.deps, new Date(now + 61 * 60_000));
    expect(pruned.deleted).toBeGreaterThanOrEqual(1);
    const rows = await h.db.select({ id: ticketAttachments.id }).from(ticketAttachments);
    expect(rows.map((row) => row.id)).toContain(kept);
    expect(rows.map((row) => row.id)).not.toContain(orphan);
    const content = await h.db
      .select({ id: ticketAttachmentsContent.attachmentId })
      .from(ticketAttachmentsContent)
      .where(eq(ticketAttachmentsContent.attachmentId, orphan));
    expect(content).toEqual([]);
    expect((await download("ownerA", kept)).status).toBe(200);
    const late = (await h.caller("ownerA")).support.replyMine({
      ticketId,
      body: "late",
      attachmentIds: [orphan],
    });
    expect(await errorField(late)).toBe("attachmentIds");
  });

  it("caps the uploads one person holds unattached", async () => {
    const answers = [];
    for (let i = 0; i < 21; i++)
      answers.push((await upload("staffViewer", TEXT, "text/plain", `${i}.txt`)).status);
    expect(answers.slice(0, 20).every((status) => status === 201)).toBe(true);
    expect(answers[20]).toBe(409);
  });
});
