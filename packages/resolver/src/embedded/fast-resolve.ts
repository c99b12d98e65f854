import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { resolve } from '@minirelease/core';
import type { AnswerBodies } from './answer-bodies.js';
import type { ResolverState } from './resolver-state.js';

const PREFIX = '/v1/resolve?';

/**
 * `GET /v1/resolve` answered straight from node:http, before Fastify's request pipeline: the hottest request
 * of the platform pays for a query scan and a Map lookup, not for routing, hooks and schema validation.
 * Only a plainly valid request is answered here; anything else (a missing or over-long parameter, an unknown
 * channel, a repeated key, HEAD) falls through to the Fastify route, which answers with the same bytes or
 * with its validation error. `handled` is false when it fell through.
 */
export function fastResolve(state: ResolverState, bodies: AnswerBodies) {
  return function handled(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url;
    // Not ready: the Fastify route answers 503 RESOLVER_NOT_READY.
    if (!state.ready || req.method !== 'GET' || url === undefined || !url.startsWith(PREFIX)) return false;
    let app: string | undefined;
    let user: string | undefined;
    let channel: string | undefined;
    // `key=value` pairs scanned in place: no array of pairs, one slice per value.
    for (let start = PREFIX.length; start < url.length; ) {
      let end = url.indexOf('&', start);
      if (end === -1) end = url.length;
      const eq = url.indexOf('=', start);
      if (eq <= start || eq >= end) return false;
      const value = decode(url.slice(eq + 1, end));
      if (value === undefined) return false;
      if (isKey(url, start, eq, 'app') && app === undefined) app = value;
      else if (isKey(url, start, eq, 'user') && user === undefined) user = value;
      else if (isKey(url, start, eq, 'channel') && channel === undefined) channel = value;
      else return false;
      start = end + 1;
    }
    if (app === undefined || app.length === 0 || app.length > 64) return false;
    if (user === undefined || user.length === 0 || user.length > 128) return false;
    if (channel !== undefined && channel !== 'experience' && channel !== 'stable') return false;
    const r = resolve(state.snapshot, app, user, channel === 'experience' ? 'experience' : undefined);
    const response = bodies.responseOf(r);
    res.writeHead(response.status, response.headers as string[]);
    res.end(response.body);
    return true;
  };
}

/** A Fastify `serverFactory` handler that tries the fast path first. */
export function withFastResolve(
  handled: ReturnType<typeof fastResolve>,
  next: RequestListener,
): RequestListener {
  return (req, res) => {
    if (!handled(req, res)) next(req, res);
  };
}

function isKey(url: string, start: number, eq: number, key: string): boolean {
  return eq - start === key.length && url.startsWith(key, start);
}

function decode(raw: string): string | undefined {
  if (raw.indexOf('%') === -1 && raw.indexOf('+') === -1) return raw;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
