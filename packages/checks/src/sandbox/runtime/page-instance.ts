import type { LaunchPhase } from '../launch-types.js';
import type { Guard } from './host.js';

export interface PageRegistration {
  /** `Page(options)`, or `Component(options)` building a page (lifecycle methods in `methods`). */
  kind: 'Page' | 'Component';
  options: Record<string, unknown>;
}

export interface PageKit {
  later(callback: () => void): void;
  guard: Guard;
  lenient(): unknown;
}

export interface PageHook {
  phase: LaunchPhase;
  fn: unknown;
  args: unknown[];
}

/**
 * The entry page's instance and the hooks the platform runs on it, in order: `onLoad(query)`, `onShow()`,
 * `onReady()` (for a `Component` page, `created` and `attached` before and `ready` before `onReady`). The
 * options' fields and methods are copied onto the instance with the framework's methods: `setData` merges
 * into `this.data` by path (`'list[0].title'`, `'user.name'`; by reference, as the logic layer keeps it) and
 * calls its callback in a later task; Alipay's `$spliceData` splices an array at a path.
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function createPageInstance(
  registration: PageRegistration,
  route: string,
  query: Record<string, string>,
  kit: PageKit,
): { page: Record<string, unknown>; hooks: PageHook[] } {
  type Container = Record<string | number, unknown>;
  const isPlain = (value: unknown): value is Record<string, unknown> => {
    if (typeof value !== 'object' || value === null) return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
  };
  const clone = (value: unknown, depth: number): unknown => {
    if (depth > 32) return value;
    if (Array.isArray(value)) return value.map((item) => clone(item, depth + 1));
    if (!isPlain(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = clone(item, depth + 1);
    return copy;
  };
  /** The container holding the last key of `path`, made on the way (an array before `[n]`). */
  const walk = (data: Container, path: string): [Container, string | number] | undefined => {
    const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
      m[2] === undefined ? m[1]! : Number(m[2]),
    );
    const last = keys.pop();
    if (last === undefined) return undefined;
    let target = data;
    for (const [index, key] of keys.entries()) {
      const next = target[key];
      const open = (typeof next === 'object' || typeof next === 'function') && next !== null;
      if (!open) target[key] = typeof (keys[index + 1] ?? last) === 'number' ? [] : {};
      target = target[key] as Container;
    }
    return [target, last];
  };
  const options = registration.options;
  const component = registration.kind === 'Component';
  const page: Record<string, unknown> = {};
  const data = (): Container => page.data as Container;
  const later = (callback: unknown) => {
    if (typeof callback === 'function') kit.later(() => kit.guard(callback, page, []));
  };
  Object.assign(page, {
    route,
    __route__: route,
    is: route,
    options: { ...query },
    setData(changes: unknown, callback?: unknown) {
      if (typeof changes === 'object' && changes !== null) {
        for (const [path, value] of Object.entries(changes)) {
          const slot = walk(data(), path);
          if (slot !== undefined) slot[0][slot[1]] = value;
        }
      }
      later(callback);
    },
    $spliceData(changes: unknown, callback?: unknown) {
      if (typeof changes === 'object' && changes !== null) {
        for (const [path, args] of Object.entries(changes)) {
          const slot = walk(data(), path);
          if (slot === undefined || !Array.isArray(args)) continue;
          if (!Array.isArray(slot[0][slot[1]])) slot[0][slot[1]] = [];
          (slot[0][slot[1]] as unknown[]).splice(...(args as [number, number, ...unknown[]]));
        }
      }
      later(callback);
    },
    $batchedUpdates: (callback: unknown) => kit.guard(callback, page, []),
    selectComponent: () => null,
    selectAllComponents: () => [],
    selectOwnerComponent: () => null,
    getRelationNodes: () => [],
    createSelectorQuery: kit.lenient,
    createIntersectionObserver: kit.lenient,
    createMediaQueryObserver: kit.lenient,
    getOpenerEventChannel: kit.lenient,
    getTabBar: kit.lenient,
    getPageId: () => 'sandbox-page-1',
    animate: () => undefined,
    clearAnimation: () => undefined,
    triggerEvent: () => undefined,
    hasBehavior: () => false,
    setUpdatePerformanceListener: () => undefined,
    router: kit.lenient(),
    pageRouter: kit.lenient(),
  });
  for (const [key, value] of Object.entries(options)) if (key !== 'data') page[key] = value;
  if (component && typeof options.methods === 'object' && options.methods !== null)
    Object.assign(page, options.methods);
  page.data = clone(isPlain(options.data) ? options.data : {}, 0);
  if (component) page.properties = page.data;
  const lifetimes = (typeof options.lifetimes === 'object' && options.lifetimes) || {};
  const lifetime = (name: string) => (lifetimes as Record<string, unknown>)[name] ?? options[name];
  const hook = (phase: LaunchPhase, fn: unknown, args: unknown[] = []): PageHook => ({ phase, fn, args });
  const hooks = [hook('Page.onLoad', page.onLoad, [{ ...query }]), hook('Page.onShow', page.onShow)];
  if (component) {
    hooks.unshift(
      hook('Component.created', lifetime('created')),
      hook('Component.attached', lifetime('attached')),
    );
    hooks.push(hook('Component.ready', lifetime('ready')));
  }
  hooks.push(hook('Page.onReady', page.onReady));
  return { page, hooks };
}
