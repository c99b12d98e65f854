import { answerToWire, type ResolveResult } from '@minirelease/core';

const CONTENT_TYPE = 'application/json; charset=utf-8';

/** An answer as it goes on the wire: its status, its JSON, and the header list for `writeHead`. */
export interface AnswerResponse {
  readonly status: 200 | 404;
  readonly body: string;
  /** `[name, value, …]`: node:http's flat form, which it reads without walking an object's keys. */
  readonly headers: readonly string[];
}

export interface AnswerBodies {
  /** The wire object of an answer: `{appId, version, channel, packageUrl, sha256, size}` or `{error}`. */
  toWire(r: ResolveResult): object;
  /** Its JSON, serialized once per answer object. */
  bodyOf(r: ResolveResult): string;
  /** Its whole response, built once per answer object. */
  responseOf(r: ResolveResult): AnswerResponse;
}

/**
 * Each answer's response, built once. Core builds every answer of an app once per snapshot (the objects `decide`
 * returns), so their responses are kept beside them (weakly: a replaced app's go with it) and a request costs a
 * lookup instead of an object, a serialization and a byte count. The Fastify route and the raw fast path share
 * these bytes.
 */
export function answerBodies(packageUrl: (sha256: string) => string): AnswerBodies {
  const toWire = (r: ResolveResult) => answerToWire(r, packageUrl);
  const responses = new WeakMap<ResolveResult, AnswerResponse>();
  const responseOf = (r: ResolveResult): AnswerResponse => {
    let response = responses.get(r);
    if (response === undefined) {
      const body = JSON.stringify(toWire(r));
      response = {
        status: r.ok ? 200 : 404,
        body,
        headers: ['content-type', CONTENT_TYPE, 'content-length', String(Buffer.byteLength(body))],
      };
      // An unknown app's answer is built per request: not worth keeping.
      if (r.ok || r.code !== 'APP_NOT_FOUND') responses.set(r, response);
    }
    return response;
  };
  return { toWire, bodyOf: (r) => responseOf(r).body, responseOf };
}
