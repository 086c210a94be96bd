/** One page of a list: `nextCursor` is null on the last. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a cursor-paged list, fetching pages as they are read:
 * `for await (const license of paginate((cursor) => unwrap(client.GET("/v1/licenses", { params: { query: { cursor } } }))))`.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
    // A cursor met twice would loop for ever: stop loudly instead.
    if (cursor !== undefined && seen.has(cursor)) throw new Error(`paginate: cursor ${cursor} repeated`);
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
}

/** All items (or the first `max`) of an async iterable, as an array. */
export const collect = async <T>(items: AsyncIterable<T>, max = Number.POSITIVE_INFINITY): Promise<T[]> => {
  const all: T[] = [];
  if (max <= 0) return all;
  for await (const item of items) {
    all.push(item);
    if (all.length >= max) break;
  }
  return all;
};
