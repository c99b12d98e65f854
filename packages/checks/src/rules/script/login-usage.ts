import { LOGIN_APIS, LOGIN_OPEN_TYPES, LOGIN_PAGE } from '../../script/api-lists.js';
import { declaredPages } from '../../script/pages.js';
import type { ScriptIndex } from '../../script/script-index.js';
import { attribute } from '../../script/template-scan.js';
import type { Rule, RuleContext } from '../rule.js';

/**
 * Reports nothing: learns `facts.usesLogin` for MATERIALS_TEST_ACCOUNT_MISSING at submit. The app logs users
 * in when its own code calls a login API (`my.getAuthCode` of any scope, `wx.login`, phone number APIs), a
 * template has a phone-number button, or a page's path says login (`login`, `signin`, `登录`). A `true`
 * another rule learned is never turned back to `false`.
 */
export const loginUsage: Rule = {
  name: 'login-usage',
  needs: 'package',
  codes: [],
  run(context) {
    context.facts.usesLogin = context.facts.usesLogin === true || usesLogin(context);
    return [];
  },
};

function usesLogin({ appJson, scripts }: RuleContext): boolean {
  const pages = appJson.status === 'ok' ? [...declaredPages(appJson.app)] : scripts.ownTemplates;
  if (pages.some((page) => LOGIN_PAGE.test(page))) return true;
  return callsLoginApi(scripts) || hasPhoneButton(scripts);
}

function callsLoginApi(scripts: ScriptIndex): boolean {
  return scripts.ownScripts.some((path) =>
    scripts.summary(path)?.apiCalls.some((c) => LOGIN_APIS.has(c.name)),
  );
}

function hasPhoneButton(scripts: ScriptIndex): boolean {
  return scripts.ownTemplates.some((path) =>
    scripts.template(path)!.tags.some((tag) => {
      const openType = attribute(tag, 'open-type')?.value ?? '';
      if (LOGIN_OPEN_TYPES.has(openType)) return true;
      return openType === 'getAuthorize' && attribute(tag, 'scope')?.value === 'phoneNumber';
    }),
  );
}
