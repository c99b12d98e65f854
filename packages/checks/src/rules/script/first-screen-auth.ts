import type { Finding } from '../../report.js';
import { findFirstScreenAuth } from '../../script/first-screen-reach.js';
import { entryPage, scriptOf } from '../../script/pages.js';
import type { Rule } from '../rule.js';

/**
 * FIRST_SCREEN_AUTH, read statically: an authorization API reached from `App({ onLaunch, onShow })` or the
 * entry page's `onLoad`/`onShow`/`onReady` through calls of the same file, `this.x()` methods and own
 * modules, never through a template event handler (a tap is the gesture reviewers ask for). The API list is
 * data (`script/api-lists.ts`); `my.getAuthCode` counts only with a scope beyond `auth_base`.
 */
export const firstScreenAuth: Rule = {
  name: 'first-screen-auth',
  needs: 'package',
  codes: ['FIRST_SCREEN_AUTH'],
  run({ appJson, files, scripts, finding }) {
    // uni-app's app.js only loads the bundles; the App options are in `common/main.js`.
    const roots = [scriptOf(files, 'app'), scriptOf(files, 'common/main')];
    if (appJson.status === 'ok') roots.push(scriptOf(files, entryPage(appJson.app)));
    const own = new Set(scripts.ownScripts);
    const reached = findFirstScreenAuth(
      scripts,
      roots.filter((root): root is string => root !== undefined && own.has(root)),
    );
    return reached.map(
      (reach): Finding =>
        finding('FIRST_SCREEN_AUTH', {
          params: { api: reach.api, path: reach.chain.join(' → ') },
          ...scripts.place(reach.file, reach.at),
        }),
    );
  },
};
