/** A platform's checker configuration that cannot be used; the message names the file and the bad key. */
export class CheckConfigError extends Error {
  override name = 'CheckConfigError';
}

export type JsonRecord = Record<string, unknown>;

/** Where a value sits in the config, for messages: `words.generic[3]`. */
export function at(where: string, key: string | number): string {
  return typeof key === 'number' ? `${where}[${key}]` : where === '' ? key : `${where}.${key}`;
}

export function record(value: unknown, where: string): JsonRecord {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonRecord;
  throw new CheckConfigError(`${where} must be an object, not ${describe(value)}`);
}

export function list(value: unknown, where: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new CheckConfigError(`${where} must be an array, not ${describe(value)}`);
}

export function text(value: unknown, where: string, { empty = false } = {}): string {
  if (typeof value === 'string' && (empty || value.trim() !== '')) return value;
  throw new CheckConfigError(`${where} must be a non-empty string, not ${describe(value)}`);
}

export function textList(value: unknown, where: string): string[] {
  return list(value, where).map((item, i) => text(item, at(where, i)));
}

export function count(value: unknown, where: string, { min = 0 } = {}): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  throw new CheckConfigError(`${where} must be an integer ≥ ${min}, not ${describe(value)}`);
}

/** Refuses keys outside `allowed`, so a typo (`severites`) is an error rather than silently ignored. */
export function onlyKeys(value: JsonRecord, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new CheckConfigError(`${at(where, key)} is not a known key; allowed: ${allowed.join(', ')}`);
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
