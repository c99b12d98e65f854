import type { ResolveResult } from '@minirelease/core';

const MESSAGES = {
  APP_NOT_FOUND: 'no such app',
  APP_OFFLINE: 'the app is offline',
  APP_NOT_RELEASED: 'the app is not released to this user yet',
} as const;

export interface AnswerBodies {
  /** The wire object of an answer: `{appId, version, channel, packageUrl, sha256, size}` or `{error}`. */
  toWire(r: ResolveResult): object;
  /** Its JSON, serialized once per answer object. */
  bodyOf(r: ResolveResult): string;
}

/**
 * Each answer's JSON, serialized once. Core builds every answer of an app once per snapshot (the objects `decide`
 * returns), so their bodies are kept beside them (weakly: a replaced app's go with it) and a request costs a
 * lookup instead of an object and a serialization. The Fastify route and the raw fast path share these bytes.
 */
export function answerBodies(packageUrl: (sha256: string) => string): AnswerBodies {
  const toWire = (r: ResolveResult) =>
    r.ok
      ? {
          appId: r.appId,
          version: r.version,
          channel: r.channel,
          packageUrl: packageUrl(r.sha256),
          sha256: r.sha256,
          size: r.size,
        }
      : { error: { code: r.code, message: `${r.appId}: ${MESSAGES[r.code]}` } };
  const bodies = new WeakMap<ResolveResult, string>();
  return {
    toWire,
    bodyOf(r) {
      let body = bodies.get(r);
      if (body === undefined) {
        body = JSON.stringify(toWire(r));
        // An unknown app's answer is built per request: not worth keeping.
        if (r.ok || r.code !== 'APP_NOT_FOUND') bodies.set(r, body);
      }
      return body;
    },
  };
}
