import type { LaunchPhase } from '../launch-types.js';
import type { apiData } from './api-data.js';
import type { createApi } from './api-stub.js';
import type { valueText } from './describe-value.js';
import type { lenient } from './lenient.js';
import type { limitBuffers } from './memory-budget.js';
import type { createModuleLoader } from './module-loader.js';
import type { createPageInstance } from './page-instance.js';

/**
 * What the worker lends the in-context runtime. Its methods take and return only primitives (or functions
 * compiled inside the context) and never throw, so no object of the worker's realm reaches the app's code:
 * through one, `constructor.constructor` would lead to the worker's `Function` and its `process`.
 */
export interface LaunchHost {
  /** A package file a `require` may resolve to (a blocked one included). */
  has(path: string): boolean;
  /** A JSON or script file's text. */
  text(path: string): string | undefined;
  /**
   * A script as a CommonJS wrapper compiled in the context with its package path as filename, so stack
   * frames name it. A string instead: it is blocked or does not compile, and the launch stops, unreported.
   */
  compile(path: string): ModuleWrapper | string;
  setTimer(callback: () => void, ms: number, repeat: boolean): number;
  clearTimer(id: number): void;
  phase(phase: LaunchPhase): void;
  /** The last hook returned: the settle time starts. */
  launched(): void;
  error(
    kind: string,
    phase: LaunchPhase,
    deferred: boolean,
    name: string,
    message: string,
    stack: string,
  ): void;
  call(api: string, args: string, phase: LaunchPhase, deferred: boolean, stack: string): void;
  log(level: string, text: string): void;
}

export type ModuleWrapper = (
  exports: unknown,
  require: unknown,
  module: unknown,
  filename: string,
  dirname: string,
  helpers: unknown,
) => void;

/** What the runtime's entry point is given besides the host: the launch as JSON (parsed inside the context). */
export interface LaunchConfig {
  platform: 'my' | 'wx';
  app: string | undefined;
  page: { script: string; route: string; query: Record<string, string> } | undefined;
}

/** The runtime's parts, each compiled from its own file and handed to `createLaunch`. */
export interface RuntimeParts {
  lenient: typeof lenient;
  apiData: typeof apiData;
  createApi: typeof createApi;
  createModuleLoader: typeof createModuleLoader;
  createPageInstance: typeof createPageInstance;
  limitBuffers: typeof limitBuffers;
  valueText: typeof valueText;
}

/** What the worker calls on the runtime. */
export interface LaunchRuntime {
  /**
   * Evaluates the scripts and runs the hooks, one task each (so a hook's promises settle before the next, as
   * on a device), then calls `host.launched()`. Every throw is caught and reported.
   */
  launch(): void;
  /** Reports a rejection still unhandled when the settle time ends, with the phase it was noticed in. */
  rejected(reason: unknown, phase: string): void;
}

/** Runs a user function, reporting what it throws instead of letting it escape. */
export type Guard = (fn: unknown, thisArg: unknown, args: readonly unknown[]) => unknown;
