import type { Rule } from '../rule.js';

/** APP_JSON_INVALID: not JSON, not an object, no non-empty `pages` of strings, or malformed subpackages. */
export const appJsonInvalid: Rule = {
  name: 'app-json-invalid',
  needs: 'package',
  codes: ['APP_JSON_INVALID'],
  run({ appJson, finding }) {
    if (appJson.status !== 'invalid') return [];
    return [
      finding('APP_JSON_INVALID', {
        params: { reason: appJson.reason },
        file: 'app.json',
        line: appJson.line,
      }),
    ];
  },
};
