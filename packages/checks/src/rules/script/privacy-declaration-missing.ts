import { validDocument } from '../../app/qualification-status.js';
import type { Finding, LocalizedText } from '../../report.js';
import {
  PRIVACY_APIS,
  PRIVACY_AUTHORIZE_SCOPES,
  PRIVACY_FLOW_APIS,
  PRIVACY_OPEN_TYPES,
  REQUIRED_PRIVATE_INFOS,
} from '../../script/api-lists.js';
import { asksUser } from '../../script/first-screen-reach.js';
import { attribute } from '../../script/template-scan.js';
import type { Rule, RuleContext } from '../rule.js';

/** The qualification type that stands for the app's privacy policy (Alipay's privacyPolicyUrl). */
export const PRIVACY_POLICY_TYPE = 'privacy-policy';

/** The first place the app's own code or templates use one privacy API or button. */
interface Use {
  api: string;
  file: string;
  line: number;
  at?: number;
}

/**
 * PRIVACY_DECLARATION_MISSING, in the app's own code only (docs/checker.md, "Privacy declarations"):
 *
 * - WeChat: a location API (`wx.getLocation`, `chooseAddress`, …) that app.json's `requiredPrivateInfos` does
 *   not list. The IDE refuses such an upload: an `error`, one finding per API at its first call.
 * - Both: user-info, phone or location APIs (or their buttons) without a privacy declaration. WeChat's is the
 *   privacy guide, seen in the package as `__usePrivacyCheck__: true` or the consent flow
 *   (`wx.onNeedPrivacyAuthorization`, `open-type="agreePrivacyAuthorization"`); Alipay's is the policy set in
 *   the console, which no file shows. Either is also met by the app's `隐私政策` qualification (its number the
 *   policy's address). The guide and the policy may be set outside the package, so this is at most a warning.
 */
export const privacyDeclarationMissing: Rule = {
  name: 'privacy-declaration-missing',
  needs: 'package',
  codes: ['PRIVACY_DECLARATION_MISSING'],
  run(context) {
    const { appJson, layout, finding } = context;
    if (appJson.status !== 'ok') return [];
    const uses = privacyUses(context);
    if (uses.length === 0) return [];
    const place = (use: Use) =>
      use.at === undefined ? { file: use.file, line: use.line } : context.scripts.place(use.file, use.at);
    const findings: Finding[] = [];
    if (layout === 'wechat') {
      const declared = new Set(stringList(appJson.app.raw.requiredPrivateInfos));
      for (const use of uses) {
        const name = REQUIRED_PRIVATE_INFOS.get(use.api);
        if (name === undefined || declared.has(name)) continue;
        const missing = {
          zh: `app.json 的 requiredPrivateInfos 没有声明 ${name}`,
          en: `app.json's requiredPrivateInfos does not list ${name}`,
        };
        findings.push(
          finding('PRIVACY_DECLARATION_MISSING', { params: { apis: use.api, missing }, ...place(use) }),
        );
      }
    }
    if (!policyDeclared(context)) {
      const missing: LocalizedText =
        layout === 'wechat'
          ? {
              zh: '未接入隐私保护指引（app.json 的 __usePrivacyCheck__ 或隐私授权流程），应用也未登记隐私政策',
              en: 'the package does not use the privacy guide (__usePrivacyCheck__ in app.json, or the consent flow) and the app has no privacy policy registered',
            }
          : {
              zh: '应用未登记隐私政策（“隐私政策”资质，对应开放平台的隐私政策地址）',
              en: 'the app has no privacy policy registered (the 隐私政策 qualification, standing for the privacy policy URL)',
            };
      const apis = [...new Set(uses.map((u) => u.api))].join(', ');
      findings.push(
        finding('PRIVACY_DECLARATION_MISSING', {
          params: { apis, missing },
          ...place(uses[0]!),
          atMost: 'warning',
        }),
      );
    }
    return findings;
  },
};

/** Each privacy API or button the own code and templates use, at its first place, in file order. */
function privacyUses({ scripts, layout }: RuleContext): Use[] {
  const first = new Map<string, Use>();
  for (const path of [...scripts.ownScripts].sort()) {
    for (const call of scripts.summary(path)?.apiCalls ?? []) {
      if (!PRIVACY_APIS.has(call.name) || first.has(call.name)) continue;
      if (call.name === 'my.getAuthCode' && !asksUser(scripts, path, call)) continue;
      first.set(call.name, { api: call.name, file: path, line: call.line, at: call.call.start });
    }
  }
  for (const path of [...scripts.ownTemplates].sort()) {
    const template = scripts.template(path)!;
    for (const tag of template.tags) {
      const openType = attribute(tag, 'open-type')?.value ?? '';
      const scope = attribute(tag, 'scope')?.value ?? '';
      const reads =
        (layout === 'wechat' && PRIVACY_OPEN_TYPES.has(openType)) ||
        (openType === 'getAuthorize' && PRIVACY_AUTHORIZE_SCOPES.has(scope));
      const api = `<button open-type="${openType}"${openType === 'getAuthorize' ? ` scope="${scope}"` : ''}>`;
      if (reads && !first.has(api)) first.set(api, { api, file: path, line: template.line(tag.start) });
    }
  }
  return [...first.values()];
}

function policyDeclared({ appJson, layout, scripts, categories, input }: RuleContext): boolean {
  if (validDocument(categories, input.app, [PRIVACY_POLICY_TYPE], input.today)) return true;
  if (layout !== 'wechat' || appJson.status !== 'ok') return false;
  if (appJson.app.raw.__usePrivacyCheck__ === true) return true;
  const flow = scripts.ownScripts.some((path) =>
    scripts.summary(path)?.apiCalls.some((c) => PRIVACY_FLOW_APIS.has(c.name)),
  );
  return (
    flow ||
    scripts.ownTemplates.some((path) =>
      scripts
        .template(path)!
        .tags.some((t) => attribute(t, 'open-type')?.value === 'agreePrivacyAuthorization'),
    )
  );
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
