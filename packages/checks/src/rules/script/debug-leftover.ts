import type { Finding } from '../../report.js';
import { DEBUG_SWITCH_APIS } from '../../script/api-lists.js';
import { propertyValue, unwrap } from '../../script/ast.js';
import type { Rule } from '../rule.js';

const VCONSOLE = /^vconsole(\/|$)/i;

/**
 * DEBUG_LEFTOVER: `debugger` statements, vConsole (imported, required, or `new VConsole()`: one finding per
 * file), `my.setEnableDebug`/`wx.setEnableDebug` with `enableDebug: true`, and `"debug": true` in app.json.
 * `console.log` is not judged: reviewers do not reject it, and it is everywhere.
 */
export const debugLeftover: Rule = {
  name: 'debug-leftover',
  needs: 'package',
  codes: ['DEBUG_LEFTOVER'],
  run({ appJson, files, scripts, finding }) {
    const findings: Finding[] = [];
    const report = (what: { zh: string; en: string }, file: string, at: number) =>
      findings.push(finding('DEBUG_LEFTOVER', { params: { what }, ...scripts.place(file, at) }));
    for (const path of scripts.ownScripts) {
      const summary = scripts.summary(path);
      if (summary === undefined) continue;
      for (const place of summary.debuggers) {
        report({ zh: 'debugger 语句', en: 'a debugger statement' }, path, place.at);
      }
      const vconsole = [...summary.modules.filter((m) => VCONSOLE.test(m.specifier)), ...summary.newVConsole];
      if (vconsole.length > 0) {
        const first = vconsole.reduce((a, b) => (b.at < a.at ? b : a));
        report({ zh: 'vConsole 调试面板', en: 'the vConsole panel' }, path, first.at);
      }
      for (const call of summary.apiCalls) {
        const value =
          DEBUG_SWITCH_APIS.has(call.name) && call.options && propertyValue(call.options, 'enableDebug');
        const on = value && unwrap(value);
        if (on && on.type === 'Literal' && on.value === true) {
          const text = `${call.name}({ enableDebug: true })`;
          report({ zh: `${text} 调试开关`, en: `the ${text} switch` }, path, call.call.start);
        }
      }
    }
    if (appJson.status === 'ok' && appJson.app.raw.debug === true) {
      const text = files.get('app.json')?.toString('utf8') ?? '';
      const at = text.search(/"debug"\s*:\s*true/);
      const line = at < 0 ? undefined : text.slice(0, at).split('\n').length;
      const what = { zh: 'app.json 中的 "debug": true', en: '"debug": true in app.json' };
      findings.push(finding('DEBUG_LEFTOVER', { params: { what }, file: 'app.json', line }));
    }
    return findings;
  },
};
