import { InvalidArgumentError } from 'commander';
import { parseDate } from './parse-date.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * `token create --expires`: a duration from now (`90m`, `12h`, `30d`, `2w`), a date (`2027-01-01`: the token
 * stops working at the start of that day, UTC) or an ISO time with its offset. Gives the ISO time the API
 * takes; anything else is a usage error (exit 2).
 */
export function parseExpires(value: string, now: Date = new Date()): string {
  const duration = /^(\d{1,6})([mhdw])$/.exec(value);
  if (duration) {
    const n = Number(duration[1]);
    if (n === 0) throw new InvalidArgumentError('a duration must be more than 0');
    return new Date(now.getTime() + n * UNIT_MS[duration[2] as keyof typeof UNIT_MS]).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${parseDate(value)}T00:00:00.000Z`;
  if (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  ) {
    return new Date(value).toISOString();
  }
  throw new InvalidArgumentError('expected a duration (90m, 12h, 30d, 2w), a date YYYY-MM-DD or an ISO time');
}
