/**
 * The peers, set up fully offline at their best: every flag definition is given in process, no URL is ever
 * fetched (Unleash's polling is off with refreshInterval 0 and its metrics are disabled; GrowthBook gets its
 * payload directly and no client key or API host).
 */
import { GrowthBook, GrowthBookClient } from '@growthbook/growthbook';
import { InMemStorageProvider, Unleash } from 'unleash-client';

export const FLAG = 'qinghe-books-gray';

/** One gradual-rollout toggle at 50 % by userId, as Unleash's own docs write it. */
export const unleashToggle = {
  name: FLAG,
  enabled: true,
  strategies: [
    {
      name: 'flexibleRollout',
      parameters: { rollout: '50', stickiness: 'userId', groupId: FLAG },
      constraints: [],
    },
  ],
};

/** A feature served to 50 % of ids: a force rule with coverage 0.5, hashed on the `id` attribute. */
export const growthbookFeatures = {
  [FLAG]: { defaultValue: false, rules: [{ force: true, coverage: 0.5, hashAttribute: 'id' }] },
};

export async function startUnleash() {
  const unleash = new Unleash({
    appName: 'minirelease-bench',
    // Never contacted: with refreshInterval 0 the poller does not start, and metrics are off. A loopback
    // discard port, so a regression in that could not leave the machine.
    url: 'http://127.0.0.1:9/api/',
    refreshInterval: 0,
    disableMetrics: true,
    bootstrap: { data: [unleashToggle] },
    storageProvider: new InMemStorageProvider(),
    skipInstanceCountWarning: true,
  });
  await new Promise((resolve, reject) => {
    unleash.once('synchronized', resolve);
    unleash.once('error', reject);
  });
  return unleash;
}

export function growthbook() {
  return new GrowthBook({ features: growthbookFeatures });
}

export function growthbookClient() {
  return new GrowthBookClient({}).initSync({ payload: { features: growthbookFeatures } });
}
