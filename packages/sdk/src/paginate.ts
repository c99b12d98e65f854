import type { Page } from './wire.js';

/**
 * Every item of a paged list, following `nextCursor` until the server gives none:
 * `for await (const v of paginate((cursor) => client.listVersions(appId, { cursor }))) …`
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
