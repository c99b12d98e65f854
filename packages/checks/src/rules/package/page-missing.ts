import { pagePath } from '../../app-json.js';
import { TEMPLATE_EXTENSION } from '../../layout.js';
import type { Rule } from '../rule.js';

/**
 * Templates of the mini-program dialects super-apps run: Alipay/mPaaS (.axml), WeChat/TMF (.wxml), QQ (.qml),
 * Baidu (.swan), ByteDance (.ttml), FinClip (.fxml). A host that runs one of them is judged by its own template.
 */
const TEMPLATES = ['.axml', '.wxml', '.qml', '.swan', '.ttml', '.fxml'];
const SCRIPTS = ['.js', '.ts'];

/**
 * PAGE_MISSING: every page declared in `pages` and in each subpackage (`root/page`) needs a template and a
 * script. Either dialect's template is accepted (cross-platform builds emit both); the message names the
 * one of the detected layout.
 */
export const pageMissing: Rule = {
  name: 'page-missing',
  needs: 'package',
  codes: ['PAGE_MISSING'],
  run({ appJson, files, layout, finding }) {
    if (appJson.status !== 'ok') return [];
    const { app } = appJson;
    const declared = [
      ...app.pages.map((p) => pagePath(p)),
      ...app.subpackages.flatMap((s) => s.pages.map((p) => pagePath(p, s.root))),
    ];
    const findings = [];
    for (const page of new Set(declared)) {
      const missing: string[] = [];
      if (!TEMPLATES.some((ext) => files.has(page + ext))) missing.push(page + TEMPLATE_EXTENSION[layout]);
      if (!SCRIPTS.some((ext) => files.has(page + ext))) missing.push(`${page}.js`);
      if (missing.length > 0) {
        findings.push(
          finding('PAGE_MISSING', { params: { page, missing: missing.join(', ') }, file: 'app.json' }),
        );
      }
    }
    return findings;
  },
};
