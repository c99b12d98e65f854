import type {
  LaunchCall,
  LaunchError,
  LaunchInput,
  LaunchPhase,
  LaunchResult,
  LaunchStatus,
  SourceLocation,
  WorkerMessage,
} from './launch-types.js';
import { packageFrame } from './stack-location.js';

const MAX_ERRORS = 50;
const MAX_CALLS = 500;
const MAX_CONSOLE = 100;

/** Gathers the worker's messages into a `LaunchResult`, placing errors and calls in the package's files. */
export class LaunchCollector {
  private phase: LaunchPhase | undefined;
  private readonly errors: LaunchError[] = [];
  private readonly calls: LaunchCall[] = [];
  private readonly console: string[] = [];

  constructor(
    private readonly input: LaunchInput,
    private readonly isPackageFile: (path: string) => boolean,
  ) {}

  add(message: WorkerMessage): void {
    if (message.type === 'phase') this.phase = message.phase;
    else if (message.type === 'error' && this.errors.length < MAX_ERRORS) {
      const { kind, phase, deferred, name, message: text, stack } = message;
      this.errors.push({ kind, phase, deferred, name, message: text, ...this.locate(stack, phase) });
    } else if (message.type === 'call' && this.calls.length < MAX_CALLS) {
      const { api, args, phase, deferred, stack } = message;
      this.calls.push({ api, args, phase, deferred, ...packageFrame(stack, this.isPackageFile) });
    } else if (message.type === 'console' && this.console.length < MAX_CONSOLE) {
      this.console.push(`${message.level}: ${message.text}`);
    }
  }

  /** A skipped launch keeps nothing: what ran before the unsupported file is not the app's launch. */
  result(status: LaunchStatus, detail: string | undefined, durationMs: number): LaunchResult {
    const scripts: LaunchResult['scripts'] = {};
    if (this.input.app !== undefined) scripts.app = this.input.app;
    if (this.input.page !== undefined) scripts.page = this.input.page.script;
    const voided = status === 'skipped';
    const result: LaunchResult = {
      status,
      scripts,
      errors: voided ? [] : this.errors,
      calls: voided ? [] : this.calls,
      console: this.console,
      durationMs: Math.round(durationMs),
    };
    if (detail !== undefined) result.detail = detail;
    if (this.phase !== undefined) result.phase = this.phase;
    return result;
  }

  /** The first package frame, else the script of the phase (a thrown string has no stack). */
  private locate(stack: string, phase: LaunchPhase): Partial<SourceLocation> {
    const frame = packageFrame(stack, this.isPackageFile);
    if (frame !== undefined) return frame;
    const file = scriptOfPhase({ app: this.input.app, page: this.input.page?.script }, phase);
    return file === undefined ? {} : { file };
  }
}

/** The script a phase runs: `app.js` for the app's, the entry page's script for the page's. */
export function scriptOfPhase(scripts: LaunchResult['scripts'], phase: LaunchPhase): string | undefined {
  if (phase === 'app-script' || phase.startsWith('App.')) return scripts.app;
  return phase === 'settle' ? undefined : scripts.page;
}
