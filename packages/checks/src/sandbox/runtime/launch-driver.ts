import type { LaunchPhase } from '../launch-types.js';
import type { Guard, LaunchConfig, LaunchHost, LaunchRuntime, RuntimeParts } from './host.js';
import type { PageRegistration } from './page-instance.js';

/**
 * The launch, inside the context: defines what a mini-program's scripts find (the platform global, `App`,
 * `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`, `requirePlugin`, timers, a captured
 * `console`), then runs `app.js`, `App.onLaunch(options)`, `App.onShow(options)`, the entry page's script
 * and its hooks, one task each. Every throw is reported with the phase it happened in; timers and callbacks
 * carry the phase that scheduled them (`deferred`).
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function createLaunch(host: LaunchHost, configJson: string, parts: RuntimeParts): LaunchRuntime {
  const config = JSON.parse(configJson) as LaunchConfig;
  const global = globalThis as unknown as Record<string, unknown>;
  // Taken before the app runs: replacing `Error` changes what the app sees, not what is reported.
  const apply = Reflect.apply;
  const ErrorType = Error;
  const stubValues = new WeakSet<object>();
  const callCounts = new Map<string, number>();
  /** Posts are capped, so a loop over fresh API names or throws cannot flood the parent before the deadline. */
  const posted = { calls: 0, errors: 0, logs: 0 };
  const spend = (kind: keyof typeof posted, limit: number) => {
    posted[kind] += 1;
    return posted[kind] <= limit;
  };
  let phase: LaunchPhase = 'app-script';
  let deferred = false;
  let stopped = false;
  /** A host call that fails (a stack overflow inside it) must not hand the app an error of the worker's realm. */
  const hostCall = <T>(call: () => T): T => {
    try {
      return call();
    } catch {
      throw new Error('the launch sandbox failed');
    }
  };
  const isObject = (value: unknown): value is Record<string, unknown> =>
    (typeof value === 'object' || typeof value === 'function') && value !== null;
  const { describe, summary } = parts.valueText();
  const report = (kind: 'thrown' | 'rejection', value: unknown) => {
    if (stopped || (kind === 'rejection' && isObject(value) && stubValues.has(value))) return;
    if (!spend('errors', 100)) return;
    const { name, message, stack } = describe(value);
    hostCall(() => host.error(kind, phase, deferred, name, message.slice(0, 1000), stack.slice(0, 4000)));
  };
  const guard: Guard = (fn, thisArg, args) => {
    if (typeof fn !== 'function' || stopped) return undefined;
    try {
      return apply(fn, thisArg, args);
    } catch (error) {
      report('thrown', error);
      return undefined;
    }
  };
  const schedule = (callback: unknown, ms: unknown, repeat: boolean, args: readonly unknown[]) => {
    if (typeof callback !== 'function') return 0;
    const origin = phase;
    const run = () => {
      const before = [phase, deferred] as const;
      [phase, deferred] = [origin, origin !== 'settle'];
      guard(callback, undefined, args);
      [phase, deferred] = before;
    };
    return hostCall(() => host.setTimer(run, Number(ms) || 0, repeat));
  };
  const later = (callback: () => void) => {
    schedule(callback, 0, false, []);
  };
  const record = (api: string, args: readonly unknown[]) => {
    const count = callCounts.get(api) ?? 0;
    if (stopped || count >= 20 || !spend('calls', 1000)) return;
    callCounts.set(api, count + 1);
    const limit = ErrorType.stackTraceLimit;
    ErrorType.stackTraceLimit = 20;
    const { stack } = describe(new ErrorType());
    ErrorType.stackTraceLimit = limit;
    hostCall(() => host.call(api, summary(args), phase, deferred, stack));
  };
  const mark = <T extends object>(value: T): T => {
    stubValues.add(value);
    return value;
  };
  const lenient = () => parts.lenient(mark);
  const route = config.page?.route ?? '';
  const query = config.page?.query ?? {};
  const data = parts.apiData(config.platform, route);

  let app: Record<string, unknown> | undefined;
  let registration: PageRegistration | undefined;
  let loadingPage = false;
  let page: Record<string, unknown> | undefined;
  const register = (kind: PageRegistration['kind']) => (options: unknown) => {
    if (loadingPage && registration === undefined)
      registration = { kind, options: isObject(options) ? options : {} };
  };
  const clear = (id: unknown) => {
    if (typeof id === 'number') hostCall(() => host.clearTimer(id));
  };
  const console: Record<string, unknown> = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
    console[level] = (...args: unknown[]) => {
      if (!spend('logs', 100)) return;
      const line = args.map((arg) => (typeof arg === 'string' ? arg : summary(arg))).join(' ');
      hostCall(() => host.log(level, line.slice(0, 500)));
    };
  }
  for (const name of [
    'group',
    'groupCollapsed',
    'groupEnd',
    'time',
    'timeEnd',
    'table',
    'dir',
    'assert',
    'count',
  ]) {
    console[name] = () => undefined;
  }
  const api = parts.createApi(config.platform, { data, lenient, mark, record, later, guard });
  // Hosts of the other dialects (QQ, Baidu, ByteDance, Kuaishou, FinClip) name the same API object otherwise;
  // `my` and `wx` stay apart, since cross-platform code tests for them to pick its branch.
  for (const alias of ['qq', 'swan', 'tt', 'ks', 'ft']) (global as Record<string, unknown>)[alias] = api;
  Object.assign(global, {
    [config.platform]: api,
    global,
    console,
    App(options: unknown) {
      app ??= isObject(options) ? options : {};
    },
    getApp: () => app,
    Page: register('Page'),
    Component: register('Component'),
    Behavior: (options: unknown) => options,
    getCurrentPages: () => (page === undefined ? [] : [page]),
    requirePlugin: lenient,
    requireMiniProgram: lenient,
    setTimeout: (callback: unknown, ms?: unknown, ...args: unknown[]) => schedule(callback, ms, false, args),
    setInterval: (callback: unknown, ms?: unknown, ...args: unknown[]) => schedule(callback, ms, true, args),
    clearTimeout: clear,
    clearInterval: clear,
    queueMicrotask(callback: unknown) {
      void Promise.resolve().then(() => guard(callback, undefined, []));
    },
  });
  parts.limitBuffers(global, 64 * 1048576);

  const loader = parts.createModuleLoader(
    host,
    hostCall,
    () => {
      stopped = true;
    },
    () => lenient(),
  );
  const launchOptions = () => ({ path: route, query: { ...query }, scene: 1001, referrerInfo: {} });
  const steps: Array<[LaunchPhase, () => void]> = [];
  if (config.app !== undefined) steps.push(['app-script', () => guard(loader.load, undefined, [config.app])]);
  steps.push(['App.onLaunch', () => guard(app?.onLaunch, app, [launchOptions()])]);
  steps.push(['App.onShow', () => guard(app?.onShow, app, [launchOptions()])]);
  if (config.page !== undefined) {
    const script = config.page.script;
    steps.push(['page-script', () => loadPage(script)]);
  }
  const loadPage = (script: string) => {
    loadingPage = true;
    guard(loader.load, undefined, [script]);
    loadingPage = false;
    if (registration === undefined) return;
    const instance = parts.createPageInstance(registration, route, query, { later, guard, lenient });
    page = instance.page;
    for (const hook of instance.hooks) steps.push([hook.phase, () => guard(hook.fn, page, hook.args)]);
  };
  const run = (index: number) => {
    const step = steps[index];
    if (step === undefined || stopped) {
      [phase, deferred] = ['settle', false];
      hostCall(() => host.phase('settle'));
      hostCall(() => host.launched());
      return;
    }
    [phase, deferred] = [step[0], false];
    hostCall(() => host.phase(step[0]));
    guard(step[1], undefined, []);
    hostCall(() => host.setTimer(() => run(index + 1), 0, false));
  };
  return {
    launch: () => run(0),
    rejected(reason, noticed) {
      [phase, deferred] = [noticed as LaunchPhase, false];
      report('rejection', reason);
    },
  };
}
