import { InvalidArgumentError } from 'commander';

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30); commander makes the throw a usage error (exit 2). */
export function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  }
  return value;
}
