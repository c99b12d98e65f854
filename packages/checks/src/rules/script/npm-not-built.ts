import type { Finding } from '../../report.js';
import { dirname, joinPath } from '../../script/module-resolve.js';
import type { Rule } from '../rule.js';

/** A bare specifier: a package name (`dayjs`, `@vant/weapp/button`), not a path nor a `plugin://` url. */
const BARE = /^(?![./])(?![a-z][\w+.-]*:)[^\s]+$/i;
const CANDIDATES = ['', '.js', '.json', '/index.js', '/package.json'];

/**
 * NPM_NOT_BUILT: an own script imports or requires an npm package that is in no `miniprogram_npm/` or
 * `node_modules/` folder of its folder or any parent, as the host looks them up; the developer forgot the
 * IDE's "Build npm". A bare name that names a file relative to the script (`require('utils/a')`, which both
 * hosts accept) is not a package. TypeScript sources are left out: their imports may be types only.
 */
export const npmNotBuilt: Rule = {
  name: 'npm-not-built',
  needs: 'package',
  codes: ['NPM_NOT_BUILT'],
  run({ files, scripts, finding }) {
    const findings: Finding[] = [];
    for (const path of scripts.ownScripts) {
      if (path.endsWith('.ts')) continue;
      const seen = new Set<string>();
      for (const module of scripts.summary(path)?.modules ?? []) {
        const name = packageName(module.specifier);
        if (name === undefined || seen.has(name)) continue;
        if (
          isInstalled(files, dirname(path), name) ||
          isRelativeFile(files, dirname(path), module.specifier)
        ) {
          continue;
        }
        seen.add(name);
        findings.push(
          finding('NPM_NOT_BUILT', {
            params: { module: name, file: path },
            ...scripts.place(path, module.at),
          }),
        );
      }
    }
    return findings;
  },
};

function packageName(specifier: string): string | undefined {
  if (!BARE.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isInstalled(files: ReadonlyMap<string, unknown>, folder: string, name: string): boolean {
  let current: string | undefined = folder;
  for (;;) {
    for (const npm of ['miniprogram_npm', 'node_modules']) {
      const prefix = `${current === '' ? '' : `${current}/`}${npm}/${name}/`;
      for (const path of files.keys()) if (path.startsWith(prefix)) return true;
      const base = prefix.slice(0, -1);
      if (files.has(`${base}.js`)) return true;
    }
    if (current === '' || current === undefined) return false;
    current = dirname(current);
  }
}

function isRelativeFile(files: ReadonlyMap<string, unknown>, folder: string, specifier: string): boolean {
  for (const from of [folder, '']) {
    const base = joinPath(from, specifier);
    if (base !== undefined && CANDIDATES.some((extension) => files.has(base + extension))) return true;
  }
  return false;
}
