import type { LaunchHost } from './host.js';

interface Module {
  id: string;
  filename: string;
  exports: unknown;
  loaded: boolean;
}

/**
 * CommonJS over the package's files, as both platforms' `require`: relative (`./a`, `../a`), from the package
 * root (`/utils/a`), and npm packages by name from `miniprogram_npm/` or `node_modules/` in any parent
 * folder (`package.json` `main`, else `index.js`); a bare name that is no package falls back to the current
 * folder, as WeChat does. `.js` and `.json` are tried after the exact name; `require('fs')` finds nothing,
 * as on a phone. Modules are cached (a cycle sees partial exports); a module that throws is dropped from the
 * cache. Reaching a blocked file (TypeScript, a parse error) calls `onBlocked` and stops the launch.
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function createModuleLoader(
  host: LaunchHost,
  hostCall: <T>(call: () => T) => T,
  onBlocked: () => void,
  /**
   * What an npm package that is not in the package answers with, so that the launch goes on and the rest of
   * it (an authorization popup, a throw) is still judged; NPM_NOT_BUILT reports the package itself
   * (docs/checker.md). Without it, such a require throws as Node's does.
   */
  missingPackage?: (name: string) => unknown,
): { load(path: string): unknown } {
  const cache = new Map<string, Module>();
  const has = (path: string) => hostCall(() => host.has(path));
  const normalize = (path: string): string | undefined => {
    const parts: string[] = [];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part !== '..') parts.push(part);
      else if (parts.pop() === undefined) return undefined;
    }
    return parts.join('/');
  };
  const join = (dir: string, request: string) => normalize(dir === '' ? request : `${dir}/${request}`);
  const dirname = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const firstFile = (candidates: string[]) => candidates.find((candidate) => has(candidate));
  const asFile = (path: string | undefined, folders = true): string | undefined => {
    if (path === undefined) return undefined;
    const exact = /\.(c?js|mjs|json|ts)$/.test(path) ? [path] : [];
    const file = firstFile([...exact, `${path}.js`, `${path}.json`, `${path}.ts`]);
    if (file !== undefined || !folders) return file;
    let main: unknown;
    try {
      main = JSON.parse(hostCall(() => host.text(`${path}/package.json`)) ?? '{}').main;
    } catch {
      main = undefined;
    }
    const fromMain = typeof main === 'string' ? asFile(join(path, main), false) : undefined;
    return fromMain ?? firstFile([`${path}/index.js`, `${path}/index.ts`]);
  };
  const fromPackages = (request: string, dir: string): string | undefined => {
    const segments = request.split('/');
    const nameLength = request.startsWith('@') ? 2 : 1;
    const name = segments.slice(0, nameLength).join('/');
    const rest = segments.slice(nameLength).join('/');
    let current = dir;
    for (;;) {
      for (const folder of ['miniprogram_npm', 'node_modules']) {
        const base = join(current, `${folder}/${name}`);
        const found = asFile(base === undefined || rest === '' ? base : join(base, rest));
        if (found !== undefined) return found;
      }
      if (current === '') return undefined;
      current = dirname(current);
    }
  };
  const resolve = (request: string, dir: string): string | undefined => {
    if (/^\.\.?(\/|$)/.test(request)) return asFile(join(dir, request));
    if (request.startsWith('/')) return asFile(normalize(request));
    return fromPackages(request, dir) ?? asFile(join(dir, request));
  };
  const isModule = (value: unknown): value is Record<string, unknown> =>
    (typeof value === 'object' || typeof value === 'function') && value !== null && '__esModule' in value;
  const namespace = (value: unknown) => (isModule(value) ? value : { ...(value as object), default: value });
  const define = (target: object, name: string, get: () => unknown) =>
    Object.defineProperty(target, name, { enumerable: true, configurable: true, get });
  /** What `esm-to-cjs.ts` turns `import`/`export` into calls of. */
  const helpers = (require: (request: unknown) => unknown, path: string) => ({
    interop: (value: unknown) => (isModule(value) ? value.default : value),
    namespace,
    define,
    star(target: object, value: unknown) {
      for (const key of Object.keys(value as object)) {
        if (key !== 'default' && !Object.hasOwn(target, key))
          define(target, key, () => (value as never)[key]);
      }
    },
    import: (request: unknown) => Promise.resolve().then(() => namespace(require(request))),
    meta: { url: path },
  });
  const requireFrom = (dir: string, from: string) => {
    const require = (request: unknown): unknown => {
      if (typeof request !== 'string')
        throw new TypeError(`require() needs a module path, not ${typeof request}`);
      const path = resolve(request, dir);
      // Node's own modules are never stubbed: no mini-program has them, and asking for one stays an error.
      const nodeOwn =
        /^(fs|child_process|net|vm|worker_threads|module|os|http|https|cluster|dgram|inspector)(\/|$)/;
      if (
        path === undefined &&
        missingPackage !== undefined &&
        /^(?![./])(?![a-z][\w+.-]*:)/i.test(request) &&
        !nodeOwn.test(request)
      ) {
        return missingPackage(request);
      }
      if (path === undefined) {
        throw Object.assign(new Error(`Cannot find module '${request}' from '${from}'`), {
          code: 'MODULE_NOT_FOUND',
        });
      }
      return load(path);
    };
    require.async = (request: unknown) => Promise.resolve().then(() => require(request));
    return require;
  };
  const load = (path: string): unknown => {
    const cached = cache.get(path);
    if (cached !== undefined) return cached.exports;
    const module: Module = { id: path, filename: path, exports: {}, loaded: false };
    cache.set(path, module);
    try {
      if (path.endsWith('.json')) {
        module.exports = JSON.parse(hostCall(() => host.text(path)) ?? '');
      } else {
        const wrapper = hostCall(() => host.compile(path));
        if (typeof wrapper !== 'function') {
          onBlocked();
          throw new Error(`the launch sandbox does not run ${path}`);
        }
        const dir = dirname(path);
        const require = requireFrom(dir, path);
        Reflect.apply(wrapper, module.exports, [
          module.exports,
          require,
          module,
          path,
          dir,
          helpers(require, path),
        ]);
      }
    } catch (error) {
      cache.delete(path);
      throw error;
    }
    module.loaded = true;
    return module.exports;
  };
  return { load };
}
