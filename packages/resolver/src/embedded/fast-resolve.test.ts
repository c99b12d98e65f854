import { createServer } from 'node:http';
import { type AppRelease, buildReleaseState } from '@minirelease/core';
import fc from 'fast-check';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBodies } from './answer-bodies.js';
import { fastResolve, withFastResolve } from './fast-resolve.js';
import { resolverRoutes } from './resolve-routes.js';
import { ResolverState } from './resolver-state.js';

const pkg = (version: string) => ({
  version,
  sha256: version.replace(/\./g, '').padEnd(64, 'a'),
  size: 4096,
});
const app = (appId: string, extra: Partial<AppRelease>): AppRelease => ({
  appId,
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision: 1,
  live: pkg('1.0.0'),
  gray: null,
  experience: null,
  insiders: [],
  ...extra,
});

describe('the raw fast path for GET /v1/resolve', () => {
  const state = new ResolverState(
    buildReleaseState(7, [
      app('qinghe-books', {
        gray: { ...pkg('1.1.0'), basisPoints: 5000 },
        experience: pkg('1.2.0'),
        insiders: ['张三'],
      }),
      app('first-release', { live: null, gray: { ...pkg('0.1.0'), basisPoints: 1000 } }),
      app('gone', { visibility: 'offline' }),
    ]),
  );
  const bodies = answerBodies((sha) => `/v1/packages/${sha}`);
  const inner = fastResolve(state, bodies);
  let fastAnswers = 0;
  const counted: typeof inner = (req, res) => {
    const handled = inner(req, res);
    if (handled) fastAnswers++;
    return handled;
  };
  const server = Fastify({ serverFactory: (handler) => createServer(withFastResolve(counted, handler)) });
  let base = '';
  beforeAll(async () => {
    await server.register(resolverRoutes, { state, packageUrl: (sha) => `/v1/packages/${sha}`, bodies });
    base = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const queries = [
    'app=qinghe-books&user=u1',
    'app=qinghe-books&user=u2',
    'user=u3&app=qinghe-books',
    'app=qinghe-books&user=%E5%BC%A0%E4%B8%89',
    'app=qinghe-books&user=%E5%BC%A0%E4%B8%89&channel=experience',
    'app=qinghe-books&user=u1&channel=stable',
    'app=qinghe-books&user=a+b',
    'app=first-release&user=u1',
    'app=first-release&user=u8',
    'app=gone&user=u1',
    'app=nope&user=u1',
    'app=qinghe-books&user=u1&',
    'app=qinghe-books&user=a=b',
    // Fall through to Fastify, which validates:
    'app=qinghe-books',
    'user=u1',
    'app=&user=u1',
    `app=qinghe-books&user=${'x'.repeat(129)}`,
    `app=${'a'.repeat(65)}&user=u1`,
    'app=qinghe-books&user=u1&channel=beta',
    'app=qinghe-books&user=%E5%BC',
    'app=qinghe-books&user=u1&user=u2',
    'app=qinghe-books&user=u1&extra=1',
    '&app=qinghe-books&user=u1',
    'app=qinghe-books&&user=u1',
    'app=qinghe-books&user',
    '',
  ];

  it.each(queries)('answers ?%s with the same status, type and bytes as the Fastify route', async (query) => {
    const viaHttp = await fetch(`${base}/v1/resolve?${query}`);
    const viaRoute = await server.inject({ method: 'GET', url: `/v1/resolve?${query}` });
    expect(viaHttp.status).toBe(viaRoute.statusCode);
    expect(viaHttp.headers.get('content-type')).toBe(viaRoute.headers['content-type']);
    expect(await viaHttp.text()).toBe(viaRoute.body);
  });

  it('agrees with the Fastify route on any query made of its pieces', async () => {
    const piece = fc.constantFrom(
      'app',
      'user',
      'channel',
      'x',
      '=',
      '&',
      '%',
      '%E5%BC%A0',
      '%zz',
      '+',
      'qinghe-books',
      'first-release',
      'u1',
      '张三',
      'experience',
      'stable',
      '',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const query = encodeURI(pieces.join('')).replace(/%25/g, '%');
        const viaHttp = await fetch(`${base}/v1/resolve?${query}`);
        const viaRoute = await server.inject({ method: 'GET', url: `/v1/resolve?${query}` });
        expect(viaHttp.status).toBe(viaRoute.statusCode);
        expect(await viaHttp.text()).toBe(viaRoute.body);
      }),
      { numRuns: 300 },
    );
  });

  it('answered the plainly valid requests itself', async () => {
    const before = fastAnswers;
    await fetch(`${base}/v1/resolve?app=qinghe-books&user=u9`);
    await fetch(`${base}/v1/resolve?app=qinghe-books`);
    expect(fastAnswers - before).toBe(1);
  });
});
