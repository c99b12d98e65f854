import { DomainError, type Page } from '@minirelease/core';

/**
 * A page from rows read with `limit + 1`: the extra row only says that a next page exists, and `nextCursor` names
 * the last row kept. Every list answers through this, so a list cannot forget the extra row or end early.
 */
export async function page<R, T>(
  rows: readonly R[],
  limit: number,
  cursorOf: (last: R) => string,
  toWire: (rows: R[]) => T[] | Promise<T[]>,
): Promise<Page<T>> {
  const kept = rows.slice(0, limit);
  const items = await toWire(kept);
  const last = kept[kept.length - 1];
  return rows.length > limit && last !== undefined ? { items, nextCursor: cursorOf(last) } : { items };
}

/**
 * A cursor read back into a position, or the one answer for one this list never gave: 400 `VALIDATION_FAILED`
 * on `querystring.cursor` — never a silent restart from the top, on which a client paging to the end loops.
 */
export function readCursor<P>(
  cursor: string | undefined,
  decode: (cursor: string) => P | undefined,
): P | undefined {
  if (cursor === undefined) return undefined;
  const position = decode(cursor);
  if (position === undefined)
    throw new DomainError('VALIDATION_FAILED', `cursor "${cursor.slice(0, 128)}" is not one this list gave`, {
      field: 'querystring.cursor',
    });
  return position;
}
