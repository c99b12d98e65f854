import { Worker } from 'node:worker_threads';
import type { AppJsonResult } from '../app-json.js';
import type { Layout } from '../layout.js';
import { LaunchCollector } from './launch-collector.js';
import type { LaunchInput, LaunchResult, LaunchStatus, WorkerMessage } from './launch-types.js';
import { planLaunch } from './plan-launch.js';
import { RUNTIME_SOURCE } from './runtime/runtime-source.js';
import { withWorkerSlot } from './worker-slots.js';
import { WORKER_SOURCE } from './worker-source.js';

export interface LaunchOptions {
  /** From the worker's start to its termination, settle time included. */
  deadlineMs?: number | undefined;
  /** How long timers and callbacks may run after the last hook returned. */
  settleMs?: number | undefined;
  /** The worker's old-generation heap; the young generation gets 16 MB and the stack 4 MB. */
  memoryMb?: number | undefined;
}

export const DEFAULT_LAUNCH_OPTIONS: Readonly<{
  [K in keyof LaunchOptions]-?: NonNullable<LaunchOptions[K]>;
}> = {
  deadlineMs: 1000,
  settleMs: 200,
  memoryMb: 64,
};

/** A thread that has not even started after this long is the server's trouble, not the app's. */
const BOOT_TIMEOUT_MS = 10_000;

/** What a launch needs of the rule context. */
export interface LaunchTarget {
  files: ReadonlyMap<string, Buffer>;
  appJson: AppJsonResult;
  layout: Layout;
}

/**
 * Launches the app in a worker thread (`resourceLimits` cap its heap and stack), inside a `vm` context
 * with stubbed platform APIs, and terminates the worker at the deadline: `vm`'s own timeout stops neither a
 * promise loop nor an allocation, and a terminated thread takes its memory with it. Never throws, never
 * hangs: every end (finished, timeout, out of memory, skipped, failed) is a `LaunchResult`.
 */
export async function runLaunch(target: LaunchTarget, options: LaunchOptions = {}): Promise<LaunchResult> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_LAUNCH_OPTIONS.deadlineMs;
  const settleMs = options.settleMs ?? DEFAULT_LAUNCH_OPTIONS.settleMs;
  const memoryMb = options.memoryMb ?? DEFAULT_LAUNCH_OPTIONS.memoryMb;
  const plan = planLaunch(target.files, target.appJson, target.layout);
  if (!plan.ok) {
    return {
      status: 'skipped',
      detail: plan.reason,
      scripts: {},
      errors: [],
      calls: [],
      console: [],
      durationMs: 0,
    };
  }
  const input: LaunchInput = { ...plan.input, settleMs, deadlineMs, runtimeSource: RUNTIME_SOURCE };
  return withWorkerSlot(() => runLaunchInput(input, memoryMb, (path) => target.files.has(path)));
}

/** The worker alone, on input already planned (tests give it what `planLaunch` would not). */
export function runLaunchInput(
  input: LaunchInput,
  memoryMb: number,
  isPackageFile: (path: string) => boolean,
): Promise<LaunchResult> {
  const collector = new LaunchCollector(input, isPackageFile);
  return new Promise<LaunchResult>((resolve) => {
    const spawnedAt = performance.now();
    let startedAt: number | undefined;
    let settled = false;
    let worker: Worker | undefined;
    const end = (status: LaunchStatus, detail?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Listeners stay: a late 'error' from the dying thread must find one rather than crash the process.
      worker?.terminate().catch(() => undefined);
      resolve(collector.result(status, detail, performance.now() - (startedAt ?? spawnedAt)));
    };
    let timer = setTimeout(() => end('failed', 'the sandbox did not start'), BOOT_TIMEOUT_MS);
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: input,
        // Nothing of the server's: no environment (secrets), no flags (a flag a worker refuses would
        // disable the sandbox silently; `--inspect` would expose it).
        env: {},
        argv: [],
        execArgv: [],
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      });
    } catch (error) {
      end('failed', String(error));
      return;
    }
    // Whatever the thread prints (Node's warnings) is not the checker's output.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'started') {
        startedAt = performance.now();
        clearTimeout(timer);
        // One turn more before calling it a timeout: were this thread busy when the deadline passed, a
        // `done` already delivered is handled (poll phase) before the immediate (check phase).
        timer = setTimeout(() => setImmediate(() => end('timeout')), input.deadlineMs);
      } else if (message.type === 'done') end('finished');
      else if (message.type === 'unsupported')
        end('skipped', `${message.file} is not run (${message.reason})`);
      else collector.add(message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      end(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'failed', error.message);
    });
    worker.on('exit', (code) => end('failed', `the sandbox exited early (code ${code})`));
  });
}
