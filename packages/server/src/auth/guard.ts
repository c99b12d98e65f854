import { DomainError } from '@minirelease/core';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { HOST_KEY_PREFIX, HostKeyService } from '../services/host-key-service.js';
import { memberStore } from '../storage/member-store.js';
import type { Database } from '../storage/schema.js';
import { tokenStore } from '../storage/token-store.js';
import { isDocsRoute, PERMISSIONS, type Permission } from './permissions.js';
import { type AppRole, appRoleAtLeast, type PlatformRole, type Principal } from './principal.js';
import { hashToken } from './tokens.js';

/** How often a token's `last_used_at` is written at most: once a minute says "in use" well enough. */
export const TOUCH_INTERVAL_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The host key a `host` route was called with (its id). */
    hostKeyId?: string;
  }
}

export function permissionOf(method: string, url: string): Permission | undefined {
  if (isDocsRoute(url)) return 'public';
  return PERMISSIONS[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}

/** Builds the preHandler that checks every request against the permission table. */
export function createGuard(db: Kysely<Database>, now: () => Date) {
  return async function guard(request: FastifyRequest): Promise<void> {
    const url = request.routeOptions.url;
    if (url === undefined) return; // the not-found handler
    const permission = permissionOf(request.method, url);
    if (permission === undefined) throw new DomainError('INTERNAL', `no permission declared for ${url}`);
    if (permission === 'public') return;
    if (permission === 'host') {
      request.hostKeyId = await authenticateHostKey(db, request.headers.authorization, now);
      return;
    }
    if (permission === 'package') {
      // The route decides; a token only widens what it may read. A bad, revoked or resolver token reads as no
      // token: refusing it would tell a stranger more than the 404 of a package it may not read.
      const caller = request.headers.authorization
        ? await authenticate(db, request.headers.authorization, now).catch(() => undefined)
        : undefined;
      if (caller && (caller.roles.includes('admin') || !caller.roles.includes('resolver'))) {
        request.principal = caller;
      }
      return;
    }
    const principal = await authenticate(db, request.headers.authorization, now);
    request.principal = principal;
    if (principal.roles.includes('admin')) return;
    // A resolver token is a machine's, kept on every resolver host: it reads the change stream and nothing else
    // (least privilege, docs/architecture.md "Roles"), so a leaked one cannot create apps or upload packages.
    if (principal.roles.includes('resolver') && permission !== 'resolver') {
      throw forbidden(
        principal,
        'a token without the resolver role (a resolver token reads the stream only)',
      );
    }
    if (permission === 'authenticated') return;
    if (permission === 'admin') throw forbidden(principal, 'a platform admin');
    if (permission === 'reviewer') {
      if (principal.roles.includes('reviewer')) return;
      throw forbidden(principal, 'a platform reviewer');
    }
    if (permission === 'resolver') {
      if (principal.roles.includes('resolver')) return;
      throw forbidden(principal, 'a resolver token (platform role resolver)');
    }
    const needed = permission.slice(4) as AppRole;
    const appId = (request.params as { app?: string }).app ?? '';
    const role = await memberStore.roleOf(db, appId, principal.principal);
    if (appRoleAtLeast(role, needed)) return;
    // Reviewers read what they review.
    if (needed === 'viewer' && request.method === 'GET' && principal.roles.includes('reviewer')) return;
    if (
      role === undefined &&
      !(await db.selectFrom('apps').select('app_id').where('app_id', '=', appId).executeTakeFirst())
    ) {
      throw new DomainError('APP_NOT_FOUND', `no app ${appId}`, { appId });
    }
    throw forbidden(principal, `${needed} of ${appId}`, role);
  };
}

/**
 * A host route takes a host key only (DESIGN §10). Anything else that looks like a bearer token is refused
 * with its own code, valid or not, so a host integration that was given an operator token learns the fix.
 */
async function authenticateHostKey(
  db: Kysely<Database>,
  header: string | undefined,
  now: () => Date,
): Promise<string> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match) {
    throw new DomainError('UNAUTHENTICATED', 'send a host key as "Authorization: Bearer hk_…"');
  }
  if (!match[1]!.startsWith(HOST_KEY_PREFIX)) {
    throw new DomainError(
      'HOST_KEY_REQUIRED',
      'events take a host key (hk_…, made with POST /v1/host-keys), not an operator token',
    );
  }
  return new HostKeyService(db, now).authenticate(header);
}

async function authenticate(
  db: Kysely<Database>,
  header: string | undefined,
  now: () => Date,
): Promise<Principal> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match) throw new DomainError('UNAUTHENTICATED', 'send a token as "Authorization: Bearer <token>"');
  if (match[1]!.startsWith(HOST_KEY_PREFIX)) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'a host key (hk_…) only reports events (POST /v1/events); this route takes an operator token',
    );
  }
  const row = await tokenStore.byHash(db, hashToken(match[1]!));
  if (!row || row.revoked_at !== null) {
    throw new DomainError('UNAUTHENTICATED', 'the token is unknown or revoked');
  }
  const at = now();
  if (row.expires_at !== null && Date.parse(row.expires_at) <= at.getTime()) {
    throw new DomainError(
      'TOKEN_EXPIRED',
      `the token ${row.id} expired at ${row.expires_at}; ask an admin for a new one (minirelease token create)`,
      { tokenId: row.id, expiresAt: row.expires_at },
    );
  }
  // last_used_at is advisory: written at most once a minute per token, so a busy CI token does not turn every
  // read into a write; and never worth a failed request.
  if (row.last_used_at === null || at.getTime() - Date.parse(row.last_used_at) >= TOUCH_INTERVAL_MS) {
    tokenStore.touch(db, row.id, at.toISOString()).catch(() => {});
  }
  return { principal: row.principal, roles: JSON.parse(row.roles) as PlatformRole[], tokenId: row.id };
}

function forbidden(principal: Principal, needed: string, has?: string): DomainError {
  return new DomainError(
    'FORBIDDEN',
    `${principal.principal} may not do this: it needs ${needed}${has ? `, and ${principal.principal} is ${has}` : ''}`,
    { needed, ...(has ? { role: has } : {}) },
  );
}
