import type { Finding } from '../../report.js';
import type { Rule } from '../rule.js';

/**
 * JS_SYNTAX_ERROR: an own script that does not parse (ES module, CommonJS, TypeScript by its `.ts`
 * extension, SJS/WXS), one finding per file at its first error. Vendored and minified files are not judged.
 */
export const jsSyntaxError: Rule = {
  name: 'js-syntax-error',
  needs: 'package',
  codes: ['JS_SYNTAX_ERROR'],
  run({ scripts, finding }) {
    const findings: Finding[] = [];
    for (const path of [...scripts.ownScripts, ...scripts.templateScripts]) {
      const script = scripts.parse(path);
      const error = script?.result.errors[0];
      if (script === undefined || error === undefined) continue;
      const line = script.line(error.labels[0]?.start ?? 0);
      const params = { file: path, line, reason: error.message };
      findings.push(finding('JS_SYNTAX_ERROR', { params, file: path, line }));
    }
    return findings;
  },
};
