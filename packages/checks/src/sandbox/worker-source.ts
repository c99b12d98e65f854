import { workerMain } from './worker-main.js';

/**
 * The worker's code as text, started with `new Worker(WORKER_SOURCE, { eval: true })`. A worker needs a
 * file it can load, and ours would be `.ts` under Vitest (Node 20 cannot load it) and `.js` in `dist/`
 * (which `tsc` only emits for `.ts`: no `allowJs`, no copy step). Text needs no file at all: it runs the
 * same from sources, `dist/` and any bundle. `workerMain` stays TypeScript, stringified, like the runtime.
 */
export const WORKER_SOURCE = [
  "'use strict';",
  "const { parentPort, workerData } = require('node:worker_threads');",
  `(${workerMain.toString()})(require('node:vm'), parentPort, workerData, process);`,
].join('\n');
