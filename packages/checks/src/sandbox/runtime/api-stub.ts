import type { ApiData } from './api-data.js';
import type { Guard } from './host.js';

export interface ApiKit {
  data: ApiData;
  lenient(): unknown;
  /** Remembers a value as the stub's own (a rejection with it is the stub's doing, not reported). */
  mark<T extends object>(value: T): T;
  record(api: string, args: readonly unknown[]): void;
  /** Runs `callback` in a later task, as a platform answers. */
  later(callback: () => void): void;
  guard: Guard;
}

/**
 * The platform global (`my` or `wx`): every API exists and every call is recorded. Sync APIs (`…Sync`,
 * `getWindowInfo`, `canIUse`, `create…`, `get…Manager`) answer at once with `api-data.ts`' values or a
 * lenient object; `on…`/`off…` register nothing (nothing happens in the sandbox). Async APIs call `success`
 * then `complete` in a later task and return a lenient task object, or return a promise when given no
 * callbacks, as current base libraries do. Storage is real and starts empty, as on first launch. Namespaces
 * (`wx.cloud.database`, `my.ap.…`) are APIs too.
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function createApi(platform: 'my' | 'wx', kit: ApiKit): unknown {
  const wechat = platform === 'wx';
  const storage = new Map<string, unknown>();
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null;
  const keyOf = (args: readonly unknown[]) =>
    String(wechat ? args[0] : isObject(args[0]) ? args[0].key : undefined);
  const stored = (key: string, missing: unknown) => (storage.has(key) ? storage.get(key) : missing);
  const storageInfo = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 });
  const syncStorage: Record<string, (args: readonly unknown[]) => unknown> = {
    getStorageSync: (args) => (wechat ? stored(keyOf(args), '') : { data: stored(keyOf(args), null) }),
    setStorageSync: (args) => {
      storage.set(keyOf(args), wechat ? args[1] : isObject(args[0]) ? args[0].data : undefined);
    },
    removeStorageSync: (args) => {
      storage.delete(keyOf(args));
    },
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: storageInfo,
  };
  /** `{ result, failed }` of an async storage API; WeChat fails `getStorage` of a missing key, Alipay gives null. */
  const asyncStorage = (name: string, options: Record<string, unknown>) => {
    const key = String(options.key);
    if (name === 'getStorage') {
      if (storage.has(key) || !wechat) return { result: { data: stored(key, null) }, failed: false };
      return { result: { errMsg: 'getStorage:fail data not found' }, failed: true };
    }
    if (name === 'setStorage') storage.set(key, options.data);
    else if (name === 'removeStorage') storage.delete(key);
    else if (name === 'clearStorage') storage.clear();
    else if (name !== 'getStorageInfo') return undefined;
    return { result: name === 'getStorageInfo' ? storageInfo() : {}, failed: false };
  };
  const callAsync = (name: string, first: unknown) => {
    const options = isObject(first) ? first : {};
    const answer = asyncStorage(name, options) ?? {
      result: kit.data.result(name, kit.lenient),
      failed: false,
    };
    const result = kit.mark({ errMsg: `${name}:${answer.failed ? 'fail' : 'ok'}`, ...answer.result });
    const callbacks = ['success', 'fail', 'complete'].some((key) => typeof options[key] === 'function');
    if (!callbacks) return answer.failed ? Promise.reject(result) : Promise.resolve(result);
    kit.later(() => {
      kit.guard(answer.failed ? options.fail : options.success, options, [result]);
      kit.guard(options.complete, options, [result]);
    });
    return kit.lenient();
  };
  const invoke = (name: string, args: readonly unknown[]): unknown => {
    if (Object.hasOwn(syncStorage, name)) return syncStorage[name]!(args);
    const known = kit.data.sync(name);
    if (known !== undefined) return known;
    if (/^(on|off)[A-Z]/.test(name)) return undefined;
    if (name === 'nextTick') {
      kit.later(() => kit.guard(args[0], undefined, []));
      return undefined;
    }
    if (/Sync$|^create[A-Z]|^get\w*(Manager|Context)$|^(database|getPerformance)$/.test(name))
      return kit.lenient();
    return callAsync(name, args[0]);
  };
  const nodes = new Map<string, unknown>();
  const node = (path: string, name: string): unknown => {
    const cached = nodes.get(path);
    if (cached !== undefined) return cached;
    const api = (...args: unknown[]) => {
      kit.record(path, args);
      return invoke(name, args);
    };
    const proxy = new Proxy(api, {
      get: (target, key) =>
        typeof key === 'symbol' || key === 'then' || key in target
          ? Reflect.get(target, key)
          : node(`${path}.${key}`, key),
    });
    nodes.set(path, proxy);
    return proxy;
  };
  const env = { USER_DATA_PATH: wechat ? 'wxfile://usr' : 'https://usr' };
  return new Proxy({} as Record<string, unknown>, {
    get(target, key) {
      if (
        typeof key === 'symbol' ||
        key === 'then' ||
        Object.hasOwn(target, key) ||
        key in Object.prototype
      ) {
        return Reflect.get(target, key);
      }
      return key === 'env' ? env : node(`${platform}.${key}`, key);
    },
    // Enumerable, so that a framework copying the global (`for (key in wx)`) copies the APIs too.
    ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...kit.data.names, 'env'])],
    getOwnPropertyDescriptor: (target, key) =>
      Reflect.getOwnPropertyDescriptor(target, key) ??
      (typeof key === 'string' && (key === 'env' || kit.data.names.includes(key))
        ? {
            configurable: true,
            enumerable: true,
            writable: false,
            value: key === 'env' ? env : node(`${platform}.${key}`, key),
          }
        : undefined),
  });
}
