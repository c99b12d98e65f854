/**
 * Where the launch is: evaluating `app.js` or the entry page's script, a lifecycle hook (`App.onLaunch`,
 * `Page.onLoad`, `Component.attached` for a page built with `Component`), or `settle`: the short time after
 * the hooks returned, when timers, API callbacks and promises still run.
 */
export type LaunchPhase =
  | 'app-script'
  | 'page-script'
  | `App.${string}`
  | `Page.${string}`
  | `Component.${string}`
  | 'settle';

/** What the worker is given (structured-cloned: plain data only). */
export interface LaunchInput {
  /** `my` (Alipay) or `wx` (WeChat): the only platform global defined, as on a device. */
  platform: 'my' | 'wx';
  /** Every script and JSON file a `require` may reach, ES modules already turned into CommonJS. */
  sources: Record<string, string>;
  /** Files that stop the launch when reached (not run, no finding): TypeScript, or a script that does not parse. */
  blocked: Record<string, 'typescript' | 'syntax'>;
  app: string | undefined;
  page: { script: string; route: string; query: Record<string, string> } | undefined;
  /** How long timers and callbacks may still run after the last hook returned. */
  settleMs: number;
  /** From the `started` message; the parent terminates the worker then. */
  deadlineMs: number;
  /** The in-context runtime (`runtime/runtime-source.ts`). */
  runtimeSource: string;
}

/** What the worker posts, as it happens: a launch cut short at the deadline keeps what was posted before. */
export type WorkerMessage =
  | { type: 'started' }
  | { type: 'phase'; phase: LaunchPhase }
  | {
      type: 'error';
      kind: 'thrown' | 'rejection';
      phase: LaunchPhase;
      deferred: boolean;
      name: string;
      message: string;
      stack: string;
    }
  | { type: 'call'; api: string; args: string; phase: LaunchPhase; deferred: boolean; stack: string }
  | { type: 'console'; level: string; text: string }
  | { type: 'unsupported'; reason: 'typescript' | 'syntax'; file: string; detail: string }
  | { type: 'done' };

/** A place in the package: the first stack frame that is one of its files. */
export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
}

export interface LaunchError extends Partial<SourceLocation> {
  /** `thrown`: a synchronous throw (module code, hook, timer, callback); `rejection`: an unhandled rejection. */
  kind: 'thrown' | 'rejection';
  phase: LaunchPhase;
  /** Thrown in a timer or callback scheduled during `phase`, not in `phase` itself. */
  deferred: boolean;
  name: string;
  message: string;
}

/** One call of a `my`/`wx` API, with a JSON summary of its arguments. */
export interface LaunchCall extends Partial<SourceLocation> {
  api: string;
  args: string;
  phase: LaunchPhase;
  deferred: boolean;
}

/**
 * How a launch ended. `finished`: the hooks ran and the settle time passed. `timeout`: still running at the
 * deadline. `out-of-memory`: over the heap limit. `skipped`: not run (TypeScript sources, a script that does
 * not parse, nothing to launch). `failed`: the sandbox itself broke; never the app's fault.
 */
export type LaunchStatus = 'finished' | 'timeout' | 'out-of-memory' | 'skipped' | 'failed';

export interface LaunchResult {
  status: LaunchStatus;
  /** Why it was skipped or failed, for logs. */
  detail?: string;
  /** The last phase entered (where a timeout was stuck). */
  phase?: LaunchPhase;
  /** The scripts run: `app.js` and the entry page's script. */
  scripts: { app?: string | undefined; page?: string | undefined };
  errors: LaunchError[];
  calls: LaunchCall[];
  /** What the app printed, capped. */
  console: string[];
  durationMs: number;
}
