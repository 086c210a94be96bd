import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CursorPage, collect, paginate } from "../src/index.ts";
import { startScriptedServer } from "./scripted-server.ts";

/** Cursor pages followed over HTTP until nextCursor is null. */
let server: Awaited<ReturnType<typeof startScriptedServer>>;
type Item = { id: number };

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const fetchPage = async (cursor: string | undefined): Promise<CursorPage<Item>> => {
  const url = new URL(`${server.url}/v1/licenses`);
  url.searchParams.set("limit", "2");
  if (cursor) url.searchParams.set("cursor", cursor);
  return (await fetch(url)).json() as Promise<CursorPage<Item>>;
};

describe("paginate", () => {
  it("follows nextCursor until null, passing each cursor on", async () => {
    server.answer(
      { status: 200, body: { items: [{ id: 1 }, { id: 2 }], nextCursor: "c2" } },
      { status: 200, body: { items: [{ id: 3 }, { id: 4 }], nextCursor: "c4" } },
      { status: 200, body: { items: [{ id: 5 }], nextCursor: null } },
    );
    const items = await collect(paginate(fetchPage));
    expect(items.map((item) => item.id)).toEqual([1, 2, 3, 4, 5]);
    expect(server.seen.map((request) => request.url)).toEqual([
      "/api/v1/licenses?limit=2",
      "/api/v1/licenses?limit=2&cursor=c2",
      "/api/v1/licenses?limit=2&cursor=c4",
    ]);
  });

  it("fetches no further page than collect's max needs", async () => {
    server.answer(
      { status: 200, body: { items: [{ id: 1 }, { id: 2 }], nextCursor: "c2" } },
      { status: 200, body: { items: [{ id: 3 }, { id: 4 }], nextCursor: "c4" } },
    );
    const items = await collect(paginate(fetchPage), 3);
    expect(items.map((item) => item.id)).toEqual([1, 2, 3]);
    expect(server.seen).toHaveLength(2);
  });

  it("stops on an empty last page", async () => {
    server.answer({ status: 200, body: { items: [], nextCursor: null } });
    expect(await collect(paginate(fetchPage))).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("refuses to loop when a cursor comes back again", async () => {
    server.answer({ status: 200, body: { items: [{ id: 1 }], nextCursor: "same" } });
    await expect(collect(paginate(fetchPage))).rejects.toThrow("cursor same repeated");
    expect(server.seen).toHaveLength(2);
  });
});
