import { DomainError } from '@minirelease/core';
import type { Kysely } from 'kysely';
import type { PlatformRole } from '../auth/principal.js';
import { hashToken, newId, newTokenSecret } from '../auth/tokens.js';
import type { Database } from '../storage/schema.js';
import { type TokenRow, tokenStore } from '../storage/token-store.js';

/** Tokens: the secret is returned once and only its hash is kept. */
export class TokenService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async create(
    input: {
      principal: string;
      roles: PlatformRole[];
      label: string;
      expiresAt?: string | undefined;
    },
    beforeCommit?: (secret: string) => Promise<void>,
  ): Promise<{ row: TokenRow; secret: string }> {
    const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
    if (expiresAt && expiresAt.getTime() <= this.now().getTime()) {
      throw new DomainError('VALIDATION_FAILED', `expiresAt ${input.expiresAt} is not in the future`, {
        field: 'expiresAt',
      });
    }
    const secret = newTokenSecret();
    const row: TokenRow = {
      id: newId('tok'),
      principal: input.principal,
      roles: JSON.stringify([...new Set(input.roles)]),
      hash: hashToken(secret),
      label: input.label,
      created_at: this.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
      // Stored normalised to UTC, so the guard compares ISO strings of one form.
      expires_at: expiresAt ? expiresAt.toISOString() : null,
    };
    // Where the secret must be kept before it works (a token file), it is kept first: a crash between the two
    // then leaves a file whose token was never made, never a token no one holds.
    if (beforeCommit) await beforeCommit(secret);
    await tokenStore.insert(this.db, row);
    return { row, secret };
  }

  list(): Promise<TokenRow[]> {
    return tokenStore.list(this.db);
  }

  /**
   * Revokes a token; never the last active admin token, which would leave the platform with no one able to make
   * another (409 LAST_ADMIN_TOKEN: make a second admin token first). The count and the revocation share one
   * transaction, and the active admin tokens are locked first: on PostgreSQL two revocations at once would
   * otherwise each count two admins under READ COMMITTED and leave none.
   */
  async revoke(id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tokenStore.lockActiveAdmins(tx);
      const active = (await tokenStore.list(tx)).filter((t) => t.revoked_at === null);
      const isAdmin = (t: TokenRow) => (JSON.parse(t.roles) as string[]).includes('admin');
      const target = active.find((t) => t.id === id);
      if (target && isAdmin(target) && active.filter(isAdmin).length === 1) {
        throw new DomainError(
          'LAST_ADMIN_TOKEN',
          `${id} is the last admin token; make another admin token before revoking it`,
          { id },
        );
      }
      if (!(await tokenStore.revoke(tx, id, this.now().toISOString()))) {
        throw new DomainError('TOKEN_NOT_FOUND', `no active token ${id}`, { id });
      }
    });
  }

  /**
   * On an empty platform, the first admin token; null when tokens exist already. `keep` stores the secret (the
   * admin token file) before the token is committed; if it throws, nothing is committed and the next start
   * tries again, since the platform is still empty.
   */
  async bootstrapAdmin(keep?: (secret: string) => Promise<void>): Promise<string | null> {
    if ((await tokenStore.count(this.db)) > 0) return null;
    const { secret } = await this.create(
      { principal: 'admin', roles: ['admin'], label: 'first admin (minirelease start)' },
      keep,
    );
    return secret;
  }

  /**
   * `minirelease admin reset`: one more admin token, made offline by whoever can reach the database, for when
   * every admin token is lost. Other tokens stay: the new admin revokes the lost ones. The row is the record of
   * the reset (who, from where, when), listed with every token.
   */
  async resetAdmin(
    by: string,
    keep?: (secret: string) => Promise<void>,
  ): Promise<{ row: TokenRow; secret: string }> {
    return this.create(
      { principal: 'admin', roles: ['admin'], label: `admin reset by ${by} (offline)` },
      keep,
    );
  }
}
