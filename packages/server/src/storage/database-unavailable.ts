/**
 * Whether an error says the database cannot be reached now (a fault of the moment: 503 DATABASE_UNAVAILABLE),
 * rather than that a query is wrong (a bug: 500). The details stay in the log; the answer names no address
 * (docs/architecture.md, "Errors").
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
]);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01–57P03 (shutting down, cannot connect now),
// 53300 (too many connections).
const PG_STATES = /^(08...|57P0[123]|53300)$/;
// SQLite: the file cannot be opened or read, or another writer holds it past busy_timeout.
const SQLITE_CODES = /^SQLITE_(CANTOPEN|IOERR|BUSY|LOCKED|NOTADB)/;
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /the database connection is not open/i,
  /driver has already been destroyed/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || PG_STATES.test(code) || SQLITE_CODES.test(code)) return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e!.message as string))) return true;
    // AggregateError (a host name with several addresses) and wrapped causes.
    const inner = (e as { errors?: unknown[] }).errors?.[0] ?? e.cause;
    e = inner as typeof e;
  }
  return false;
}
