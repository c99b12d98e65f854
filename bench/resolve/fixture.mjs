/** The release state the resolver bench serves, and the requests it sends: shared by the servers and the runner. */
import { prng } from '../decide/ids.mjs';

export const APP_COUNT = 100;
export const BASIS_POINTS = 5000;

const sha = (rnd) => Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');

/** 100 apps, each live at 1.3.x and in gray at 50 % with 1.4.0, each with a few members (insiders). */
export function apps() {
  const rnd = prng(7);
  return Array.from({ length: APP_COUNT }, (_, i) => {
    const appId = `app-${String(i).padStart(3, '0')}`;
    return {
      appId,
      name: `应用${i}`,
      brand: `品牌${i}`,
      visibility: 'online',
      revision: 1,
      live: { version: `1.3.${i % 10}`, sha256: sha(rnd), size: 1_000_000 + i },
      gray: { version: '1.4.0', sha256: sha(rnd), size: 1_100_000 + i, basisPoints: BASIS_POINTS },
      experience: null,
      insiders: [`owner-${i}`, `dev-${i}-1`, `dev-${i}-2`],
    };
  });
}

/** What /v1/resolve answers for app 0 in gray: the constant body the node:http limit sends, byte for byte as long. */
export function sampleAnswer() {
  const a = apps()[0];
  return JSON.stringify({
    appId: a.appId,
    version: a.gray.version,
    channel: 'gray',
    packageUrl: `/v1/packages/${a.gray.sha256}`,
    sha256: a.gray.sha256,
    size: a.gray.size,
  });
}

/** A pool of request paths with random users over every app; the load generator cycles through it. */
export function paths(kind, count = 1000) {
  const rnd = prng(11);
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const user = `u-${Math.floor(rnd() * 36 ** 8).toString(36)}`;
    const app = `app-${String(Math.floor(rnd() * APP_COUNT)).padStart(3, '0')}`;
    out[i] = kind === 'proxy' ? `/proxy?userId=${user}` : `/v1/resolve?app=${app}&user=${user}`;
  }
  return out;
}
