/**
 * The peer: @unleash/proxy's frontend API (`GET /proxy?userId=`) for one gradual-rollout toggle at 50 %, fully
 * offline: the proxy is handed its own client, built from a bootstrap with polling off (refreshInterval 0) and
 * metrics off, so it has no upstream Unleash to call. Any outgoing socket would throw.
 */
import net from 'node:net';
import { Client, createApp } from '@unleash/proxy';
import { InMemStorageProvider, Unleash } from 'unleash-client';
import Metrics from 'unleash-client/lib/metrics.js';
import { unleashToggle } from '../../decide/peers.mjs';

net.Socket.prototype.connect = () => {
  throw new Error('the unleash proxy tried to open a connection');
};

export const CLIENT_KEY = 'bench-frontend-key';
const UPSTREAM = 'http://127.0.0.1:9/api/'; // never contacted (see above)
const options = {
  unleashUrl: UPSTREAM,
  unleashApiToken: 'offline',
  clientKeys: [CLIENT_KEY],
  logLevel: 'error',
};

const unleash = new Unleash({
  appName: 'unleash-proxy',
  url: UPSTREAM,
  refreshInterval: 0,
  disableMetrics: true,
  bootstrap: { data: [unleashToggle] },
  storageProvider: new InMemStorageProvider(),
  skipInstanceCountWarning: true,
});
const metrics = new (Metrics.default ?? Metrics)({
  disableMetrics: true,
  appName: 'unleash-proxy',
  instanceId: 'bench',
  strategies: [],
  metricsInterval: 0,
  url: UPSTREAM,
});
// Built before the repository's ready event (next tick), so the proxy sees it become ready.
const client = new Client(
  { ...options, logger: { error() {}, warn() {}, info() {}, debug() {} } },
  unleash,
  metrics,
);
await new Promise((resolve) => client.once('ready', resolve));
const app = createApp(options, client);
const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
