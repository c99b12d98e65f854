/**
 * A resolver's cold start, in a fresh process: read the disk snapshot into a ResolverState and answer one
 * resolve. Prints one JSON line; the parent times from spawn to that line. Usage: cold-start.mjs <dir> <appId>.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from '../../packages/core/dist/index.js';
import { ResolverState, SnapshotFile } from '../../packages/resolver/dist/index.js';

const [dir, appId] = process.argv.slice(2);
const start = performance.now();
const state = new ResolverState();
const file = new SnapshotFile(dir, () => state.snapshot, { onError: (e) => console.error(String(e)) });
const loaded = await file.load();
if (loaded) state.replace(loaded.snapshot);
const answer = resolve(state.snapshot, appId, 'u-cold-start');
const loadMs = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({ loadMs, sinceProcessStartMs: performance.now(), apps: state.snapshot.apps.size, answer })}\n`,
);
