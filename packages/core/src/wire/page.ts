/** Every list answers a page; `nextCursor` is opaque and absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}
