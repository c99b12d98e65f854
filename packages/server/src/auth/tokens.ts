import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'mr_';

/** A new secret token: 256 random bits, prefixed so secret scanners and people recognise it. */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored only as their SHA-256. A slow password hash buys nothing for 256-bit random secrets, and a
 * fast one keeps authentication off the request's critical path.
 */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
