import { randomBytes } from 'node:crypto';
import { DomainError } from '@minirelease/core';
import type { Kysely } from 'kysely';
import { hashToken, newId } from '../auth/tokens.js';
import { type HostKeyRow, hostKeyStore } from '../storage/host-key-store.js';
import type { Database } from '../storage/schema.js';

/** The prefix tells host keys from operator tokens (`mr_`) at a glance, for people and secret scanners. */
export const HOST_KEY_PREFIX = 'hk_';
/** How often a key's `last_used_at` is written at most. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Host keys (DESIGN §10): made by an admin, one per host app; they only report events. Kept as SHA-256 like
 * operator tokens, in a table of their own, so neither kind of secret ever opens the other's routes.
 */
export class HostKeyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async create(name: string): Promise<{ row: HostKeyRow; key: string }> {
    const key = HOST_KEY_PREFIX + randomBytes(32).toString('base64url');
    const row: HostKeyRow = {
      id: newId('hk'),
      name,
      hash: hashToken(key),
      created_at: this.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await hostKeyStore.insert(this.db, row);
    return { row, key };
  }

  list(): Promise<HostKeyRow[]> {
    return hostKeyStore.list(this.db);
  }

  async revoke(id: string): Promise<void> {
    if (!(await hostKeyStore.revoke(this.db, id, this.now().toISOString()))) {
      throw new DomainError('NOT_FOUND', `no active host key ${id}`, { id });
    }
  }

  /** The key's id for an `Authorization: Bearer hk_…` header; UNAUTHENTICATED for anything else. */
  async authenticate(header: string | undefined): Promise<string> {
    const match = header ? /^Bearer\s+(hk_\S+)$/i.exec(header) : null;
    if (!match) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'events take a host key: "Authorization: Bearer hk_…" (not an operator token)',
      );
    }
    const row = await hostKeyStore.byHash(this.db, hashToken(match[1] as string));
    if (!row || row.revoked_at !== null)
      throw new DomainError('UNAUTHENTICATED', 'the host key is unknown or revoked');
    // Advisory, as for operator tokens: written at most once a minute, so reporting stays one write a batch.
    const at = this.now();
    if (row.last_used_at === null || at.getTime() - Date.parse(row.last_used_at) >= TOUCH_INTERVAL_MS) {
      hostKeyStore.touch(this.db, row.id, at.toISOString()).catch(() => {});
    }
    return row.id;
  }
}
