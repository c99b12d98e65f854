/**
 * One loop per contestant over the same ids, each its own function so V8 optimises each on its own (a shared
 * loop calling `fn(id)` would go megamorphic and measure the call, not the decision). Each returns the number
 * of users in gray, which also keeps the work from being optimised away.
 */
import { compileApp, decide } from '../../packages/core/dist/index.js';
import { bareInGray, bareInGrayPackage } from './bare-hash.mjs';
import { FLAG, growthbook, growthbookClient, startUnleash } from './peers.mjs';

export const APP = 'qinghe-books';
export const VERSION = '1.4.0';
export const BASIS_POINTS = 5000;

const pkg = (version) => ({ version, sha256: `sha-${version}`, size: 1_000_000 });

/** The app as the resolver holds it: live 1.3.0, 1.4.0 in gray at 50 %, no insiders. */
export const compiledApp = compileApp({
  appId: APP,
  name: '青禾读书',
  brand: '青禾',
  visibility: 'online',
  revision: 1,
  live: pkg('1.3.0'),
  gray: { ...pkg(VERSION), basisPoints: BASIS_POINTS },
  experience: null,
  insiders: [],
});

export async function contestants() {
  const unleash = await startUnleash();
  const gb = growthbook();
  const gbClient = growthbookClient();
  return {
    unleash,
    list: [
      {
        key: 'ours',
        label: 'minirelease decide()',
        run(ids) {
          let hits = 0;
          for (let i = 0; i < ids.length; i++) if (decide(compiledApp, ids[i]).channel === 'gray') hits++;
          return hits;
        },
      },
      {
        key: 'bare',
        label: 'bare hash (key string, encodeInto, murmur3)',
        run(ids) {
          let hits = 0;
          for (let i = 0; i < ids.length; i++) if (bareInGray(APP, VERSION, ids[i], BASIS_POINTS)) hits++;
          return hits;
        },
      },
      {
        key: 'barePkg',
        label: 'bare hash (murmurhash3js-revisited)',
        run(ids) {
          let hits = 0;
          for (let i = 0; i < ids.length; i++)
            if (bareInGrayPackage(APP, VERSION, ids[i], BASIS_POINTS)) hits++;
          return hits;
        },
      },
      {
        key: 'unleash',
        label: 'unleash-client isEnabled (flexibleRollout 50 %)',
        run(ids) {
          let hits = 0;
          for (let i = 0; i < ids.length; i++) if (unleash.isEnabled(FLAG, { userId: ids[i] })) hits++;
          return hits;
        },
      },
      {
        key: 'growthbook',
        label: 'GrowthBook setAttributes + isOn',
        run(ids) {
          let hits = 0;
          for (let i = 0; i < ids.length; i++) {
            gb.setAttributes({ id: ids[i] }); // sets synchronously; the promise only covers sticky buckets
            if (gb.isOn(FLAG)) hits++;
          }
          return hits;
        },
      },
      {
        key: 'growthbookClient',
        label: 'GrowthBookClient isOn (server-side)',
        run(ids) {
          let hits = 0;
          for (let i = 0; i < ids.length; i++)
            if (gbClient.isOn(FLAG, { attributes: { id: ids[i] } })) hits++;
          return hits;
        },
      },
    ],
  };
}
