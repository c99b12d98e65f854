import type * as NodeVm from 'node:vm';
import type { MessagePort } from 'node:worker_threads';
import type { LaunchInput, LaunchPhase, WorkerMessage } from './launch-types.js';
import type { LaunchHost, LaunchRuntime } from './runtime/host.js';

/**
 * The worker's body, in the worker's realm: makes the `vm` context, lends the runtime a host that never
 * throws and hands it only primitives, runs the launch, tracks unhandled rejections, and posts everything
 * as it happens. Started as source text by `worker-source.ts` (strict mode, `require` of the eval worker),
 * so, like the runtime's parts, it names nothing outside its own body.
 */
export function workerMain(
  vm: typeof NodeVm,
  port: MessagePort,
  input: LaunchInput,
  proc: NodeJS.Process,
): void {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const startedAt = Date.now();
  post({ type: 'started' });
  // A worker-realm object that still reached the app (Node makes one for an `import()` nobody rewrote)
  // must not lead to this realm's Function constructors: through them, `process` and the file system.
  for (const fn of [function f() {}, async function f() {}, function* f() {}, async function* f() {}]) {
    Object.defineProperty(Object.getPrototypeOf(fn), 'constructor', { value: undefined });
  }
  // Options without a prototype: should this realm's Object.prototype ever be polluted from inside, no
  // option (`importModuleDynamically`) is inherited from it.
  const bare = <T extends object>(fields: T): T => Object.assign(Object.create(null) as T, fields);
  const context = vm.createContext(
    {},
    bare({ name: 'minirelease launch', codeGeneration: bare({ strings: false, wasm: false }) }),
  );
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const own = (record: Record<string, unknown>, key: unknown) =>
    typeof key === 'string' && Object.hasOwn(record, key);
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let nextTimer = 1;
  let phase: LaunchPhase = 'app-script';
  let runtime: LaunchRuntime | undefined;
  const rejections = new Map<Promise<unknown>, { reason: unknown; phase: LaunchPhase }>();
  proc.on('unhandledRejection', (reason, promise) => rejections.set(promise, { reason, phase }));
  proc.on('rejectionHandled', (promise) => rejections.delete(promise));
  const finish = () => {
    try {
      for (const { reason, phase: noticed } of rejections.values()) runtime?.rejected(reason, noticed);
    } finally {
      post({ type: 'done' });
    }
  };
  // WeChat's runtime defines every file as `define(path, function (require, module, exports, window,
  // document, …) {…})` and calls it without those: the browser's globals are bindings holding `undefined`,
  // so `window && …` is false there, not a ReferenceError (docs/checker.md, "What is judged").
  const hostParams =
    input.platform === 'wx'
      ? ', window, document, frames, self, location, navigator, localStorage, history, Caches, screen, alert, confirm, prompt, XMLHttpRequest, WebSocket'
      : '';
  const host: LaunchHost = {
    has: (path) => own(input.sources, path) || own(input.blocked, path),
    text: (path) => (own(input.sources, path) ? input.sources[path] : undefined),
    compile(path) {
      const file = str(path);
      const source = own(input.sources, file) ? input.sources[file] : undefined;
      if (own(input.blocked, file) || source === undefined) {
        post({ type: 'unsupported', reason: input.blocked[file] ?? 'syntax', file, detail: '' });
        return 'blocked';
      }
      try {
        const wrapped = `(function (exports, require, module, __filename, __dirname, __minirelease${hostParams}) {${source}\n})`;
        return new vm.Script(wrapped, bare({ filename: file })).runInContext(context);
      } catch (error) {
        post({
          type: 'unsupported',
          reason: 'syntax',
          file,
          detail: error instanceof Error ? error.message : '',
        });
        return 'does not compile';
      }
    },
    setTimer(callback, ms, repeat) {
      if (typeof callback !== 'function') return 0;
      const id = nextTimer++;
      const delay = typeof ms === 'number' && ms > 0 ? Math.min(ms, 2 ** 31 - 1) : 0;
      const fire = () => {
        if (!repeat) timers.delete(id);
        try {
          callback();
        } catch {
          // The runtime reports the app's throws itself; nothing else may end the worker.
        }
      };
      timers.set(id, repeat ? setInterval(fire, delay) : setTimeout(fire, delay));
      return id;
    },
    clearTimer(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
    },
    phase(next) {
      phase = str(next) as LaunchPhase;
      post({ type: 'phase', phase });
    },
    launched() {
      const left = startedAt + input.deadlineMs - Date.now() - 100;
      const until = Date.now() + Math.max(0, Math.min(input.settleMs, left));
      // Settle until nothing the app scheduled is pending (callbacks of stubbed APIs are timers too), or the
      // settle time is up: an app that is done at once is not kept waiting.
      const idle = () => {
        if (timers.size === 0 || Date.now() >= until) finish();
        else setTimeout(idle, 2);
      };
      setTimeout(idle, 0);
    },
    error(kind, noticed, deferred, name, message, stack) {
      const type = kind === 'rejection' ? 'rejection' : 'thrown';
      const fields = { name: str(name), message: str(message), stack: str(stack) };
      post({
        type: 'error',
        kind: type,
        phase: str(noticed) as LaunchPhase,
        deferred: deferred === true,
        ...fields,
      });
    },
    call(api, args, noticed, deferred, stack) {
      const fields = { args: str(args), phase: str(noticed) as LaunchPhase, deferred: deferred === true };
      post({ type: 'call', api: str(api), stack: str(stack), ...fields });
    },
    log: (level, text) => post({ type: 'console', level: str(level), text: str(text) }),
  };
  const factory = new vm.Script(input.runtimeSource, bare({ filename: 'minirelease:runtime' })).runInContext(
    context,
  );
  const config = { platform: input.platform, app: input.app, page: input.page };
  runtime = factory(host, JSON.stringify(config)) as LaunchRuntime;
  runtime.launch();
}
