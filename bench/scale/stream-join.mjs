/**
 * A resolver joining from the change stream, in a fresh process: follow `<upstream>/v1/stream` with an empty
 * state until the whole snapshot is applied, then answer one resolve. Prints one JSON line; the parent times
 * from spawn to that line. Usage: stream-join.mjs <upstream> <appId>.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from '../../packages/core/dist/index.js';
import { ResolverState, StreamClient } from '../../packages/resolver/dist/index.js';

const [upstream, appId] = process.argv.slice(2);
const start = performance.now();
const state = new ResolverState();
const client = new StreamClient({
  upstream,
  state,
  onUpdate: () => {
    if (client.stats.snapshots !== 1) return;
    const answer = resolve(state.snapshot, appId, 'u-stream-join');
    const joinMs = performance.now() - start;
    process.stdout.write(`${JSON.stringify({ joinMs, apps: state.snapshot.apps.size, answer })}\n`);
    client.stop().then(() => process.exit(0));
  },
});
client.start();
