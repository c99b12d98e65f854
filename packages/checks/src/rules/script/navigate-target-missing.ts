import type { Finding } from '../../report.js';
import { NAVIGATE_APIS } from '../../script/api-lists.js';
import { propertyValue } from '../../script/ast.js';
import { stringValue } from '../../script/module-values.js';
import { declaredPages, pageOfFile, targetPage } from '../../script/pages.js';
import { type StaticString, staticPath } from '../../script/static-string.js';
import { attribute } from '../../script/template-scan.js';
import type { Rule } from '../rule.js';

/** `<navigator open-type>` values that open a page by `url` (none is `navigate`). */
const PAGE_OPEN_TYPES = new Set([undefined, 'navigate', 'redirect', 'switchTab', 'reLaunch']);

/**
 * NAVIGATE_TARGET_MISSING: `navigateTo`/`redirectTo`/`reLaunch`/`switchTab` (`my.` and `wx.`) and
 * `<navigator url>` whose url names no declared page. Only urls whose path is static are judged: a string,
 * a module constant, or a template/concatenation whose dynamic part comes after the `?`. Relative urls are
 * judged in a page's own script and template, where the current page is known.
 */
export const navigateTargetMissing: Rule = {
  name: 'navigate-target-missing',
  needs: 'package',
  codes: ['NAVIGATE_TARGET_MISSING'],
  run({ appJson, scripts, finding }) {
    if (appJson.status !== 'ok') return [];
    const pages = declaredPages(appJson.app);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const judge = (url: StaticString | undefined, file: string, line: number, at?: number) => {
      const path = url && staticPath(url);
      const target = path === undefined ? undefined : targetPage(path, pageOfFile(file, pages));
      const key = `${file}:${line}:${target}`;
      if (target === undefined || pages.has(target) || seen.has(key)) return;
      seen.add(key);
      const shown = url!.complete ? url!.value : `${url!.value}…`;
      const place = at === undefined ? { file, line } : scripts.place(file, at);
      findings.push(finding('NAVIGATE_TARGET_MISSING', { params: { target, url: shown }, ...place }));
    };
    for (const path of scripts.ownScripts) {
      for (const call of scripts.summary(path)?.apiCalls ?? []) {
        const url = NAVIGATE_APIS.has(call.name) && call.options && propertyValue(call.options, 'url');
        if (url) judge(stringValue(scripts, path, url), path, call.line, call.call.start);
      }
    }
    for (const path of scripts.ownTemplates) {
      const template = scripts.template(path)!;
      for (const tag of template.tags) {
        if (tag.name !== 'navigator' || attribute(tag, 'target')?.value === 'miniProgram') continue;
        if (!PAGE_OPEN_TYPES.has(attribute(tag, 'open-type')?.value)) continue;
        const url = attribute(tag, 'url');
        if (url?.value !== undefined) judge(templateString(url.value), path, template.line(url.start));
      }
    }
    return findings;
  },
};

/** An attribute value's static start: everything before the first `{{`. */
function templateString(value: string): StaticString {
  const open = value.indexOf('{{');
  return open < 0 ? { value, complete: true } : { value: value.slice(0, open), complete: false };
}
