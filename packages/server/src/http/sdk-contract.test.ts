import { DataPlaneClient, MiniReleaseClient } from '@minirelease/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/test-server.js';

/**
 * The SDK is written by hand; this is what keeps it honest against the server's own `/openapi.json`. The
 * clients run against a fake `fetch` that only records what they send, and each request is then looked up in
 * the document a real in-process server serves.
 */

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/**
 * Operations of the document the SDK leaves out on purpose. `/docs`, `/openapi.json`, `/healthz`, `/readyz`
 * and `/metrics` are hidden from the document (`schema.hide`), so they need no line here.
 */
const NOT_WRAPPED: Record<string, string> = {
  'GET /v1/stream':
    'a never-ending SSE stream of release state for resolvers: `connectLocal` and the resolver read it',
  'GET /v1/stream/snapshot':
    "the resolver's binary disk-snapshot format to join from; only the resolver process reads it",
  'POST /v1/events':
    "host apps report with a host key, through the host client's event reporter, not the operator client",
};

const BASE_URL = 'http://sdk-contract.invalid/prefix';

// A slash and non-ASCII in the values: an SDK path that forgot to encode one would gain a segment and match
// no operation, or the wrong one.
const APP = '青禾/读书';
const V = '1.0.0';
const PRINCIPAL = 'ops/李四';
const TOKEN_ID = 'tok/1';
const SHA256 = 'ab'.repeat(32);
/** What each path parameter of the document must decode to, given the calls below. */
const PATH_VALUES: Record<string, string> = {
  app: APP,
  v: V,
  principal: PRINCIPAL,
  id: TOKEN_ID,
  sha256: SHA256,
};
const page = { cursor: 'c1', limit: 5 };

type ClientMethod = Exclude<keyof MiniReleaseClient, 'baseUrl'>;

/** One call of each public method; `Record` over the method names makes a forgotten one a type error too. */
const CALLS: Record<ClientMethod, (c: MiniReleaseClient) => Promise<unknown>> = {
  // DataPlaneClient
  resolve: (c) => c.resolve(APP, '张三', { channel: 'experience' }),
  resolveBatch: (c) => c.resolveBatch([{ app: APP, user: 'u1' }]),
  search: (c) => c.search('读书', 'u1', { limit: 5 }),
  downloadPackage: (c) => c.downloadPackage(SHA256),
  // VersionsClient
  uploadVersion: (c) =>
    c.uploadVersion(APP, { version: V, description: '首个版本', zip: new Uint8Array([0x50, 0x4b, 3, 4]) }),
  listVersions: (c) => c.listVersions(APP, page),
  getVersion: (c) => c.getVersion(APP, V),
  report: (c) => c.report(APP, V),
  updateVersion: (c) => c.updateVersion(APP, V, { description: '修正说明' }),
  deleteVersion: (c) => c.deleteVersion(APP, V),
  setExperienceVersion: (c) => c.setExperienceVersion(APP, V),
  submit: (c) => c.submit(APP, V, { testAccount: 'demo', testPassword: 'pw' }),
  cancelReview: (c) => c.cancelReview(APP, V),
  review: (c) => c.review(APP, V, { decision: 'reject', reasons: ['NAME_TOO_GENERIC'], comment: '改名' }),
  gray: (c) => c.gray(APP, V, 'p10'),
  cancelGray: (c) => c.cancelGray(APP, V),
  publish: (c) => c.publish(APP, V),
  // MiniReleaseClient
  whoami: (c) => c.whoami(),
  createToken: (c) => c.createToken({ principal: 'ci-bot', roles: ['reviewer'], label: 'ci' }),
  listTokens: (c) => c.listTokens(),
  revokeToken: (c) => c.revokeToken(TOKEN_ID),
  createApp: (c) => c.createApp({ appId: APP, name: '青禾读书', brand: '青禾', category: '图书' }),
  listApps: (c) => c.listApps(page),
  getApp: (c) => c.getApp(APP),
  updateApp: (c) => c.updateApp(APP, { name: '青禾读书 Pro' }),
  setMember: (c) => c.setMember(APP, PRINCIPAL, 'developer'),
  removeMember: (c) => c.removeMember(APP, PRINCIPAL),
  setExperiencers: (c) => c.setExperiencers(APP, ['u1', 'u2']),
  addQualification: (c) =>
    c.addQualification(APP, { type: 'ICP', number: '京ICP备12345678号', expiresAt: '2030-01-01' }),
  removeQualification: (c) => c.removeQualification(APP, TOKEN_ID),
  rollback: (c) => c.rollback(APP, { toVersion: '0.9.0' }),
  offline: (c) => c.offline(APP),
  online: (c) => c.online(APP),
  auditLog: (c) => c.auditLog(APP, page),
  reviewQueue: (c) => c.reviewQueue(page),
  reviewReasons: (c) => c.reviewReasons(),
  checkApp: (c) => c.checkApp({ name: '青禾读书', brand: '青禾', category: '图书', description: '首个版本' }),
  checkCatalog: (c) => c.checkCatalog(),
  uploadMaterial: (c) => c.uploadMaterial(APP, new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
  material: (c) => c.material(APP, SHA256),
  createHostKey: (c) => c.createHostKey('青禾 super-app'),
  listHostKeys: (c) => c.listHostKeys(),
  revokeHostKey: (c) => c.revokeHostKey(TOKEN_ID),
  health: (c) => c.health(APP, V, { window: '6h', badRatio: 2, minLaunches: 500 }),
  setGrayPlan: (c) =>
    c.setGrayPlan(APP, V, {
      steps: [1, 5, 20, 50, 100],
      soakMinutes: 30,
      minLaunches: 500,
      publishAtEnd: true,
    }),
  grayPlan: (c) => c.grayPlan(APP, V),
  pauseGrayPlan: (c) => c.pauseGrayPlan(APP, V),
  resumeGrayPlan: (c) => c.resumeGrayPlan(APP, V),
};

interface SentRequest {
  method: string;
  /** As sent, still percent-encoded, without the base URL's prefix. */
  path: string;
  query: URLSearchParams;
  json: unknown;
}

function recordingFetch(sent: SentRequest[]): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (!url.startsWith(`${BASE_URL}/`)) throw new Error(`request outside the base URL: ${url}`);
    const [path = '', query = ''] = url.slice(BASE_URL.length).split('?');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const isJson = headers['content-type'] === 'application/json';
    sent.push({
      method: init?.method ?? 'GET',
      path,
      query: new URLSearchParams(query),
      json: isJson ? JSON.parse(String(init?.body)) : undefined,
    });
    // Enough for every method: object-or-page readers find `items`, byte readers take any body.
    return new Response('{"items":[]}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

/** The public methods as a caller sees them: everything on the prototype chain but the constructor, getters and private helpers. */
function publicMethods(instance: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== Object.prototype; ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
      if (name === 'constructor' || name.startsWith('_') || name.startsWith('#')) continue;
      if (descriptor.get || descriptor.set || typeof descriptor.value !== 'function') continue;
      names.add(name);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return [...names].sort();
}

interface Match {
  key: string;
  operation: Operation;
  params: Record<string, string>;
}

/** The template's segments against the sent ones; a `{name}` takes exactly one non-empty encoded segment. */
function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i]!;
    const param = /^\{([^}]+)\}$/.exec(w);
    if (!param) {
      if (w !== g) return undefined;
      continue;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(g);
    } catch {
      return undefined;
    }
    if (g === '' || encodeURIComponent(decoded) !== g) return undefined;
    params[param[1]!] = decoded;
  }
  return params;
}

function findOperation(doc: OpenApiDocument, req: SentRequest): Match | undefined {
  const matches: Match[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const operation = item[req.method.toLowerCase()];
    const params = operation && matchTemplate(template, req.path);
    if (operation && params) matches.push({ key: `${req.method} ${template}`, operation, params });
  }
  // As the router does: a literal segment wins over a parameter.
  return matches.sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length)[0];
}

function operationKeys(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.keys(item)
      .filter((m) => HTTP_METHODS.has(m))
      .map((m) => `${m.toUpperCase()} ${template}`),
  );
}

/** Top-level names only: enough to catch a renamed or missing field, which is how a hand-written body drifts. */
function bodyProblems(schema: Schema | undefined, value: unknown, at: string): string[] {
  if (!schema) return [];
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${at}: the operation takes an array`];
    return value.flatMap((v, i) => bodyProblems(schema.items, v, `${at}[${i}]`));
  }
  if (schema.type !== 'object' || !schema.properties) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [`${at}: the operation takes an object`];
  }
  const keys = Object.keys(value);
  return [
    ...keys.filter((k) => !(k in schema.properties!)).map((k) => `${at}: sends "${k}", not in the schema`),
    ...(schema.required ?? [])
      .filter((k) => !keys.includes(k))
      .map((k) => `${at}: leaves out required "${k}"`),
  ];
}

describe('the SDK against /openapi.json', () => {
  let doc: OpenApiDocument;
  const sent = new Map<string, SentRequest>();

  beforeAll(async () => {
    const s = await startTestServer('sqlite');
    try {
      const res = await s.call('GET', '/openapi.json', { token: null });
      expect(res.statusCode).toBe(200);
      doc = res.json() as OpenApiDocument;
    } finally {
      await s.close();
    }
    const requests: SentRequest[] = [];
    const client = new MiniReleaseClient({
      baseUrl: BASE_URL,
      token: 'tok-secret',
      fetch: recordingFetch(requests),
    });
    for (const [name, call] of Object.entries(CALLS)) {
      const before = requests.length;
      await call(client);
      expect(requests.length - before, `${name} sends one request`).toBe(1);
      sent.set(name, requests.at(-1)!);
    }
  });

  it('has a line in the call table for every public method of the clients', () => {
    const client = new MiniReleaseClient({ baseUrl: BASE_URL, fetch: recordingFetch([]) });
    const dataPlane = new DataPlaneClient({ baseUrl: BASE_URL, fetch: recordingFetch([]) });
    const methods = publicMethods(client);
    // MiniReleaseClient extends VersionsClient extends DataPlaneClient, so its walk covers all three.
    expect(methods).toEqual(expect.arrayContaining(publicMethods(dataPlane)));
    expect(Object.keys(CALLS).sort()).toEqual(methods);
  });

  it('every SDK request is an operation of /openapi.json, with its arguments as whole path segments', () => {
    const problems: string[] = [];
    for (const [name, req] of sent) {
      const match = findOperation(doc, req);
      if (!match) {
        problems.push(`${name}: ${req.method} ${req.path} is no operation of the document`);
        continue;
      }
      for (const [param, value] of Object.entries(match.params)) {
        if (!(param in PATH_VALUES)) problems.push(`${name}: no test value for {${param}} in ${match.key}`);
        else if (value !== PATH_VALUES[param]) {
          problems.push(`${name}: {${param}} of ${match.key} got "${value}", not "${PATH_VALUES[param]}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every operation but the listed ones has an SDK method', () => {
    const called = new Set([...sent.values()].map((req) => findOperation(doc, req)?.key));
    const operations = operationKeys(doc);
    expect(operations.filter((op) => !called.has(op) && !(op in NOT_WRAPPED))).toEqual([]);
    // The list stays tight: a line for an operation that is gone, or that the SDK now calls, must go.
    expect(Object.keys(NOT_WRAPPED).filter((op) => !operations.includes(op) || called.has(op))).toEqual([]);
  });

  it('every SDK request sends the query parameters and JSON body its operation declares', () => {
    const problems: string[] = [];
    for (const [name, req] of sent) {
      const match = findOperation(doc, req);
      if (!match) continue; // reported by the test above
      const { key, operation } = match;
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
      for (const sentName of new Set(req.query.keys())) {
        if (!query.some((p) => p.name === sentName)) {
          problems.push(`${name}: sends ?${sentName}, which ${key} does not declare`);
        }
      }
      for (const p of query.filter((q) => q.required && !req.query.has(q.name))) {
        problems.push(`${name}: leaves out required ?${p.name} of ${key}`);
      }
      const body = operation.requestBody;
      const jsonBody = body?.content['application/json'];
      if (req.json !== undefined && !jsonBody)
        problems.push(`${name}: sends JSON, which ${key} does not take`);
      if (req.json === undefined && jsonBody && body?.required) {
        problems.push(`${name}: sends no JSON body, which ${key} requires`);
      }
      if (req.json !== undefined) problems.push(...bodyProblems(jsonBody?.schema, req.json, name));
    }
    expect(problems).toEqual([]);
  });
});
