import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { permissionOf } from './guard.js';
import { PERMISSIONS, type Permission } from './permissions.js';

/**
 * The route × role test: every line of the permission table, called by every kind of caller, gets the verdict
 * DESIGN §5 gives it. The routes come from the table itself, so a new line is covered the day it is added.
 */

const APP = NEW_APP.appId;
const VERSION = '1.0.0';

type AppRole = 'viewer' | 'developer' | 'owner';
type PlatformRole = 'admin' | 'reviewer' | 'resolver';

/** Who calls: either no valid credentials at all, or a principal with platform roles and maybe a role on the app. */
type CallerKind =
  | { readonly name: string; readonly authenticated: false }
  | {
      readonly name: string;
      readonly authenticated: true;
      readonly platform: readonly PlatformRole[];
      readonly appRole?: AppRole;
    };

const CALLERS: readonly CallerKind[] = [
  { name: 'no token', authenticated: false },
  { name: 'malformed token', authenticated: false },
  { name: 'unknown token', authenticated: false },
  { name: 'revoked token', authenticated: false },
  { name: 'principal with no roles', authenticated: true, platform: [] },
  { name: 'app viewer', authenticated: true, platform: [], appRole: 'viewer' },
  { name: 'app developer', authenticated: true, platform: [], appRole: 'developer' },
  { name: 'app owner', authenticated: true, platform: [], appRole: 'owner' },
  { name: 'platform reviewer', authenticated: true, platform: ['reviewer'] },
  { name: 'platform resolver', authenticated: true, platform: ['resolver'] },
  { name: 'platform admin', authenticated: true, platform: ['admin'] },
];

/** 404: a package the caller may not read is one that does not exist, for it. */
type Verdict = 401 | 403 | 404 | 'HOST_KEY_REQUIRED' | 'pass';

const RANK: Record<AppRole, number> = { viewer: 1, developer: 2, owner: 3 };

/** DESIGN §5, read from the permission string and the caller alone. */
function expectedVerdict(permission: Permission, method: string, caller: CallerKind): Verdict {
  if (permission === 'public') return 'pass';
  // Host routes take a host key only: any other bearer token, valid or not, is told so (DESIGN §10).
  if (permission === 'host') {
    return caller.name === 'no token' || caller.name === 'malformed token' ? 401 : 'HOST_KEY_REQUIRED';
  }
  // The walk's package is of an INIT version: members of its app, reviewers and admins only (issue 10).
  if (permission === 'package') {
    if (!caller.authenticated) return 404;
    if (caller.platform.includes('admin')) return 'pass';
    if (caller.platform.includes('resolver')) return 404;
    return caller.appRole !== undefined || caller.platform.includes('reviewer') ? 'pass' : 404;
  }
  if (!caller.authenticated) return 401;
  if (caller.platform.includes('admin')) return 'pass';
  // A resolver token reads the stream routes and nothing else (issue 10).
  if (caller.platform.includes('resolver')) return permission === 'resolver' ? 'pass' : 403;
  if (permission === 'authenticated') return 'pass';
  if (permission === 'admin') return 403;
  if (permission === 'reviewer') return caller.platform.includes('reviewer') ? 'pass' : 403;
  if (permission === 'resolver') return caller.platform.includes('resolver') ? 'pass' : 403;
  const needed = permission.slice('app:'.length) as AppRole;
  if (caller.appRole !== undefined && RANK[caller.appRole] >= RANK[needed]) return 'pass';
  // Reviewers read what they review.
  if (needed === 'viewer' && method === 'GET' && caller.platform.includes('reviewer')) return 'pass';
  return 403;
}

/** The verdict an answer shows; a 401/403 with another code than DESIGN's shows as itself, and fails. */
function verdictOf(r: LightMyRequestResponse): Verdict | string {
  const code = r.headers['content-type']?.toString().startsWith('application/json')
    ? (r.json() as { error?: { code?: string } }).error?.code
    : undefined;
  if (r.statusCode === 404 && code === 'PACKAGE_NOT_FOUND') return 404;
  if (r.statusCode !== 401 && r.statusCode !== 403) return 'pass';
  if (r.statusCode === 401 && code === 'UNAUTHENTICATED') return 401;
  if (r.statusCode === 403 && code === 'FORBIDDEN') return 403;
  if (r.statusCode === 403 && code === 'HOST_KEY_REQUIRED') return 'HOST_KEY_REQUIRED';
  return `${r.statusCode} ${code}`;
}

const ROUTES = Object.entries(PERMISSIONS).map(([key, permission]) => {
  const [method, url] = key.split(' ') as [string, string];
  return { key, method, url, permission };
});

/** Every route the Fastify instance registered, read from its route tree (HEAD is Fastify's shadow of GET). */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack.push(path);
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim())) {
      // The console's catch-all prints as a bare `*` beside `/`.
      if (method !== '' && method !== 'HEAD') routes.push(`${method} ${path === '*' ? '/*' : path}`);
    }
  }
  return routes;
}

describe.each(TEST_DIALECTS)('the route × role table on %s', (dialect) => {
  let s: TestServer;
  let zip: Buffer;
  let sha256: string;
  const tokens = new Map<string, { token: string | null; headers?: Record<string, string> }>();

  beforeAll(async () => {
    s = await startTestServer(dialect);
    zip = await examplePackage();
    expect((await s.call('POST', '/v1/apps', { body: NEW_APP })).statusCode).toBe(201);
    const uploaded = await s.call(
      'POST',
      `/v1/apps/${APP}/versions?version=${VERSION}&description=${encodeURIComponent(NOTES)}`,
      { body: zip },
    );
    expect(uploaded.statusCode).toBe(201);
    sha256 = uploaded.json().sha256;

    const minted = await s.call('POST', '/v1/tokens', {
      body: { principal: 'revoked-one', label: 'to revoke' },
    });
    expect(minted.statusCode).toBe(201);
    expect((await s.call('DELETE', `/v1/tokens/${minted.json().id}`)).statusCode).toBe(204);

    tokens.set('no token', { token: null });
    tokens.set('malformed token', { token: null, headers: { authorization: 'Bearer two words' } });
    tokens.set('unknown token', { token: 'mr_thisTokenWasNeverIssuedByTheServer000000000' });
    tokens.set('revoked token', { token: minted.json().token });
    for (const caller of CALLERS) {
      if (!caller.authenticated) continue;
      if (caller.platform.includes('admin')) {
        tokens.set(caller.name, { token: s.adminToken });
        continue;
      }
      const principal = caller.name.replaceAll(' ', '-');
      tokens.set(caller.name, { token: await s.tokenFor(principal, [...caller.platform]) });
      if (caller.appRole) {
        const put = await s.call('PUT', `/v1/apps/${APP}/members/${principal}`, {
          body: { role: caller.appRole },
        });
        expect(put.statusCode).toBe(200);
      }
    }
  });
  afterAll(() => s?.close());

  /** Path parameters filled with things that exist; an unknown parameter gets a plain value. */
  const paramValue = (name: string): string =>
    ({ app: APP, v: VERSION, principal: 'walk-bystander', sha256, id: 'tok_unknown' })[name] ?? 'sample';

  /** Minimal requests where a route needs a query or a body to get past validation; the rest send nothing. */
  const sampleRequest = (key: string): { query?: string; body?: unknown } =>
    (
      ({
        'GET /v1/resolve': { query: `?app=${APP}&user=u1` },
        'POST /v1/resolve/batch': { body: [{ app: APP, user: 'u1' }] },
        'GET /v1/search': { query: `?q=${encodeURIComponent('青禾')}&user=u1` },
        // Not following: the stream ends once caught up, so the walk gets an answer.
        'GET /v1/stream': { query: '?follow=false' },
        'POST /v1/tokens': { body: { principal: 'walk-minted' } },
        'POST /v1/apps': { body: NEW_APP },
        'PATCH /v1/apps/:app': { body: { description: 'walk' } },
        'PUT /v1/apps/:app/members/:principal': { body: { role: 'viewer' } },
        'PUT /v1/apps/:app/experiencers': { body: { userIds: ['u1'] } },
        'POST /v1/apps/:app/qualifications': {
          body: { type: 'ICP', number: '京ICP备00000001号', expiresAt: '2030-01-01' },
        },
        'POST /v1/apps/:app/versions': {
          query: `?version=1.0.1&description=${encodeURIComponent(NOTES)}`,
          body: zip,
        },
        'PATCH /v1/apps/:app/versions/:v': { body: { description: NOTES } },
        'POST /v1/apps/:app/versions/:v/submit': { body: {} },
        'POST /v1/apps/:app/versions/:v/review': { body: { decision: 'approve' } },
        'POST /v1/apps/:app/versions/:v/gray': { body: { percentage: 10 } },
        'POST /v1/apps/:app/rollback': { body: {} },
      }) as Record<string, { query?: string; body?: unknown }>
    )[key] ?? {};

  it.each(ROUTES)('$key ($permission) gives every caller the verdict of its permission', async (route) => {
    const { query = '', body } = sampleRequest(route.key);
    const url = route.url.replace(/:(\w+)/g, (_, name: string) => paramValue(name)) + query;
    const expected: Record<string, Verdict | string> = {};
    const actual: Record<string, Verdict | string> = {};
    for (const caller of CALLERS) {
      const { token, headers } = tokens.get(caller.name)!;
      // A stale If-Match: a write that passes the guard is refused with 409 CONFLICT and changes nothing, so
      // every route and caller meet the same app and version.
      const r = await s.call(route.method, url, { token, body, headers: { ...headers, 'if-match': '"0"' } });
      expect(r.statusCode, `${route.key} as ${caller.name}: ${r.body}`).toBeLessThan(500);
      expected[caller.name] = expectedVerdict(route.permission, route.method, caller);
      actual[caller.name] = verdictOf(r);
    }
    expect(actual).toEqual(expected);
  });

  it('refuses the resolver role everywhere but the stream routes (and the public ones)', async () => {
    const { token } = tokens.get('platform resolver')!;
    const passed: string[] = [];
    for (const route of ROUTES) {
      if (route.permission === 'public') continue;
      const { query = '', body } = sampleRequest(route.key);
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => paramValue(name)) + query;
      const r = await s.call(route.method, url, { token, body, headers: { 'if-match': '"0"' } });
      if (verdictOf(r) === 'pass') passed.push(route.key);
    }
    expect(passed).toEqual(['GET /v1/stream', 'GET /v1/stream/snapshot']);
  });

  it('walked the routes without changing the app: revision 5, version 1.0.0 still INIT', async () => {
    // create, upload, and three members: revision 1 + 1 + 3.
    expect((await s.call('GET', `/v1/apps/${APP}`)).json().revision).toBe(5);
    const versions = (await s.call('GET', `/v1/apps/${APP}/versions`)).json().items;
    expect(versions.map((v: { version: string; status: string }) => `${v.version} ${v.status}`)).toEqual([
      '1.0.0 INIT',
    ]);
  });

  it('has no stale line: every route of the permission table is registered', () => {
    const missing = ROUTES.filter((r) => !s.app.hasRoute({ method: r.method as 'GET', url: r.url })).map(
      (r) => r.key,
    );
    expect(missing).toEqual([]);
  });

  it('has no unguarded route: every registered route is in the table, or is a public /docs page', () => {
    const registered = registeredRoutes(s.app.printRoutes({ commonPrefix: false }));
    expect(registered.length).toBeGreaterThanOrEqual(ROUTES.length);
    const undeclared = registered.filter((key) => {
      const [method, url] = key.split(' ') as [string, string];
      return permissionOf(method, url) === undefined;
    });
    expect(undeclared).toEqual([]);
    const apiRoutes = registered.filter((key) => !key.split(' ')[1]!.startsWith('/docs'));
    expect(new Set(apiRoutes)).toEqual(new Set(ROUTES.map((r) => r.key)));
  });

  it('refuses review of qinghe-books 1.0.0 with 403 FORBIDDEN to a reviewer who is its viewer', async () => {
    const token = await s.tokenFor('reviewer-member', ['reviewer']);
    expect(
      (await s.call('PUT', `/v1/apps/${APP}/members/reviewer-member`, { body: { role: 'viewer' } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await s.call('POST', `/v1/apps/${APP}/versions/${VERSION}/submit`, { body: {} })).json().status,
    ).toBe('AUDITING');
    const before = (await s.call('GET', `/v1/apps/${APP}`)).json().revision;

    const r = await s.call('POST', `/v1/apps/${APP}/versions/${VERSION}/review`, {
      token,
      body: { decision: 'approve' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
    expect((await s.call('GET', `/v1/apps/${APP}/versions/${VERSION}`)).json().status).toBe('AUDITING');
    expect((await s.call('GET', `/v1/apps/${APP}`)).json().revision).toBe(before);
  });

  it('lets the platform admin approve 1.0.0 of qinghe-books, an app it owns', async () => {
    const r = await s.call('POST', `/v1/apps/${APP}/versions/${VERSION}/review`, {
      body: { decision: 'approve' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'WAIT_RELEASE',
      review: { decision: 'approve', reviewer: 'admin' },
    });
  });
});
