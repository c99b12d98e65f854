import type { Rule } from '../rule.js';

/** APP_JSON_MISSING: no `app.json` at the root (after a single project folder was stripped by the reader). */
export const appJsonMissing: Rule = {
  name: 'app-json-missing',
  needs: 'package',
  codes: ['APP_JSON_MISSING'],
  run({ appJson, finding }) {
    return appJson.status === 'missing' ? [finding('APP_JSON_MISSING', { file: 'app.json' })] : [];
  },
};
