import { createRequire } from 'node:module';
import { type AppRelease, buildReleaseState, resolve } from '@minirelease/core';
import { describe, expect, it } from 'vitest';
import type { HostResolveResult } from './host-result.js';
import { createLocalResolver } from './local-resolver.js';

// An independent MurmurHash3 (the port the vectors were made with) for the oracle below.
const reference = createRequire(import.meta.url)('murmurhash3js-revisited') as {
  x86: { hash32(bytes: Uint8Array, seed?: number): number };
};
const utf8 = new TextEncoder();

/** DESIGN §3 written out plainly, with nothing shared with core: what a user must get. */
function oracle(a: AppRelease, user: string, channel: 'experience' | undefined): string {
  if (a.visibility === 'offline') return 'APP_OFFLINE';
  const insider = a.insiders.includes(user);
  if (channel === 'experience' && a.experience && insider) return `experience ${a.experience.version}`;
  if (a.gray) {
    const bucket = reference.x86.hash32(utf8.encode(`${a.appId}:${a.gray.version}:${user}`)) % 10_000;
    if (insider || bucket < a.gray.basisPoints) return `gray ${a.gray.version}`;
  }
  return a.live ? `stable ${a.live.version}` : 'APP_NOT_RELEASED';
}

const show = (r: HostResolveResult | ReturnType<typeof resolve>) =>
  r.ok ? `${r.channel} ${r.version}` : r.code;

/** mulberry32: seeded, so a failure names a case that can be run again. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('local resolver against core and the §3 oracle', () => {
  it('agrees on 100k random apps, versions, users, shares, insiders, offline and first releases', () => {
    const rnd = prng(20_240_611);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const users = () =>
      pick([
        () => `u-${int(1e9).toString(36)}`,
        () => String(2088100000000000 + int(1e9)),
        () => String.fromCharCode(0x4e00 + int(0x5000), 0x4e00 + int(0x5000)),
        () => `${pick(['张三', '李四', '👍', 'é'])}${int(100)}`,
      ])();
    const version = () => `${int(20)}.${int(20)}.${int(100)}`;
    const pkg = (v: string) => ({ version: v, sha256: `sha-${v}`, size: 1 });
    const local = createLocalResolver({ snapshot: { seq: 0, apps: [] } });
    const seen = new Map<string, number>();
    for (let seq = 1; seq <= 100_000; seq++) {
      const user = users();
      const insiders = Array.from({ length: int(3) }, users);
      if (rnd() < 0.2) insiders.push(user);
      const a: AppRelease = {
        appId: pick(['qinghe-books', 'hz-metro', '2021001122334455', 'a-b', `app-${int(20)}`]),
        name: 'n',
        brand: 'b',
        visibility: rnd() < 0.1 ? 'offline' : 'online',
        revision: seq,
        live: rnd() < 0.25 ? null : pkg(version()),
        gray:
          rnd() < 0.8 ? { ...pkg(version()), basisPoints: rnd() < 0.05 ? 10_000 : 1 + int(10_000) } : null,
        experience: rnd() < 0.3 ? pkg(version()) : null,
        insiders,
      };
      const channel = rnd() < 0.3 ? ('experience' as const) : undefined;
      local.update({ seq, appId: a.appId, app: a });
      const got = show(local.resolve(a.appId, user, { channel }));
      const core = show(resolve(buildReleaseState(seq, [a]), a.appId, user, channel));
      const want = oracle(a, user, channel);
      const kind = want.split(' ')[0]!;
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      if (got !== want || core !== want) {
        expect({ case: seq, app: a, user, channel, got, core }).toEqual({
          case: seq,
          app: a,
          user,
          channel,
          got: want,
          core: want,
        });
      }
    }
    // Every outcome of §3 was reached often, so the agreement covers all of them.
    for (const kind of ['gray', 'stable', 'experience', 'APP_OFFLINE', 'APP_NOT_RELEASED']) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(1000);
    }
  });
});
