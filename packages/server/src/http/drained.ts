import type { ServerResponse } from 'node:http';

/** The response is finished or its connection is gone: nothing more can be written. */
export const gone = (res: ServerResponse): boolean => res.destroyed || res.writableEnded;

/**
 * Resolves once the response's buffered bytes went out (at once when nothing waits), or when it closed: a
 * long response written in parts holds one part in memory at a time, not all of them.
 */
export function drained(res: ServerResponse): Promise<void> {
  if (!res.writableNeedDrain || gone(res)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes each part once the one before it has gone out; stops when the connection is gone. */
export async function writeParts(res: ServerResponse, parts: Iterable<string | Buffer>): Promise<void> {
  for (const part of parts) {
    if (gone(res)) return;
    res.write(part);
    await drained(res);
  }
}
