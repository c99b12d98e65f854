import { type AppJsonResult, pagePath } from '../app-json.js';
import type { Layout } from '../layout.js';
import { toCommonJs } from './esm-to-cjs.js';
import type { LaunchInput } from './launch-types.js';

/** What the sandbox runs, or why it runs nothing. */
export type LaunchPlan =
  | { ok: true; input: Omit<LaunchInput, 'settleMs' | 'deadlineMs' | 'runtimeSource'> }
  | { ok: false; reason: string };

/** A script the loader may run: the only ones read and sent to the worker. */
const SCRIPT = /\.(c?js|mjs)$/;
/** Cheap test before parsing: a module without these words has no ES module syntax. */
const MAYBE_MODULE = /\b(import|export)\b/;

/**
 * Chooses what to launch: `app.js`, and the entry page (`entryPagePath` when app.json has it, else
 * `pages[0]`; a `?query` on it becomes `onLoad`'s query). Packages ship JavaScript; a TypeScript project
 * (`app.ts`, a page's `.ts` with no `.js`) is not compiled here, so the sandbox skips it without a finding
 * rather than guess at a build, and stops, unreported, if a `require` reaches a `.ts` file or a script
 * that does not parse (JS_SYNTAX_ERROR reports those). ES modules are turned into CommonJS here.
 */
export function planLaunch(
  files: ReadonlyMap<string, Buffer>,
  appJson: AppJsonResult,
  layout: Layout,
): LaunchPlan {
  if (appJson.status !== 'ok') return { ok: false, reason: 'app.json is missing or invalid' };
  const entry = appJson.app.entryPagePath ?? appJson.app.pages[0] ?? '';
  const [entryPath = '', search = ''] = entry.split('?', 2);
  const route = pagePath(entryPath);
  const app = pick(files, 'app');
  const page = pick(files, route);
  if (app === 'typescript' || page === 'typescript') {
    return { ok: false, reason: 'TypeScript sources are not compiled by the launch sandbox' };
  }
  if (app === undefined && page === undefined)
    return { ok: false, reason: 'no app.js and no entry page script' };
  const input: LaunchPlan & { ok: true } = {
    ok: true,
    input: {
      platform: layout === 'wechat' ? 'wx' : 'my',
      sources: {},
      blocked: {},
      app,
      page: page === undefined ? undefined : { script: page, route, query: parseQuery(search) },
    },
  };
  for (const [path, buffer] of files) {
    if (path.endsWith('.ts') && !path.endsWith('.d.ts')) input.input.blocked[path] = 'typescript';
    if (path.endsWith('.json')) input.input.sources[path] = buffer.toString('utf8').replace(/^\uFEFF/, '');
    if (!SCRIPT.test(path)) continue;
    const source = buffer.toString('utf8').replace(/^\uFEFF/, '');
    const converted = MAYBE_MODULE.test(source)
      ? toCommonJs(path, source)
      : { ok: true as const, code: source };
    if (converted.ok) input.input.sources[path] = converted.code;
    else input.input.blocked[path] = 'syntax';
  }
  return input;
}

/** `app.js` or the page's `.js`; `typescript` when only a `.ts` exists. */
function pick(files: ReadonlyMap<string, Buffer>, base: string): string | 'typescript' | undefined {
  if (files.has(`${base}.js`)) return `${base}.js`;
  return files.has(`${base}.ts`) ? 'typescript' : undefined;
}

function parseQuery(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const [key = '', value = ''] = pair.split('=', 2);
    query[decode(key)] = decode(value);
  }
  return query;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
