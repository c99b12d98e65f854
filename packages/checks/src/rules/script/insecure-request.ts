import type { Finding } from '../../report.js';
import { REQUEST_APIS } from '../../script/api-lists.js';
import { propertyValue } from '../../script/ast.js';
import { stringValue } from '../../script/module-values.js';
import type { StaticString } from '../../script/static-string.js';
import type { Rule } from '../rule.js';

const PLAIN = /^(http|ws):\/\/(\[[^\]]*\]|[^/?#:]*)/i;
/** Loopback addresses never leave the device: development settings, not data sent in clear. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * INSECURE_REQUEST: a request, download, upload or socket API given an `http://` or `ws://` url. The url is
 * the options' `url`, read statically: a string or template literal, a `+` concatenation, a module constant,
 * or a constant imported from an own module (`import { BASE } from '../config'`, `BASE + '/books'`).
 * Urls only known at run time (`getApp().globalData.host`, a function's result) are not judged.
 */
export const insecureRequest: Rule = {
  name: 'insecure-request',
  needs: 'package',
  codes: ['INSECURE_REQUEST'],
  run({ scripts, finding }) {
    const findings: Finding[] = [];
    for (const path of scripts.ownScripts) {
      for (const call of scripts.summary(path)?.apiCalls ?? []) {
        const node = REQUEST_APIS.has(call.name) && call.options && propertyValue(call.options, 'url');
        const url = node ? stringValue(scripts, path, node) : undefined;
        if (url === undefined || !isInsecure(url)) continue;
        const shown = url.complete ? url.value : `${url.value}…`;
        const params = { api: call.name, url: shown.length > 120 ? `${shown.slice(0, 119)}…` : shown };
        findings.push(finding('INSECURE_REQUEST', { params, ...scripts.place(path, call.call.start) }));
      }
    }
    return findings;
  },
};

/** Plain http/ws, unless to a loopback host that is statically known (a host cut short is unknown). */
export function isInsecure(url: StaticString): boolean {
  const match = PLAIN.exec(url.value);
  if (match === null) return false;
  const host = match[2]!;
  const hostKnown = url.complete || match[0].length < url.value.length;
  return !(hostKnown && LOOPBACK.test(host));
}
