import type { FindingCode } from '../../catalog/catalog.js';
import type { FindingInput } from '../../finding.js';
import type { Finding, LocalizedText } from '../../report.js';
import { scriptOfPhase } from '../../sandbox/launch-collector.js';
import type { LaunchCall, LaunchError, LaunchPhase, LaunchResult } from '../../sandbox/launch-types.js';
import { AUTH_APIS, SILENT_SCOPES } from '../../script/api-lists.js';
import { isBundleName } from '../../script/own-code.js';

type MakeFinding = (code: FindingCode, input?: FindingInput) => Finding;

/** More of the same launch's errors add nothing a developer needs before fixing the first ones. */
const MAX_RUNTIME_FINDINGS = 5;

/**
 * RUNTIME_ERROR_ON_LAUNCH for each distinct error, rejection, timeout or exhaustion of a launch, and
 * FIRST_SCREEN_AUTH for each authorization API it called (`script/api-lists.ts`; `my.getAuthCode` only with
 * a scope beyond `auth_base`). Nothing is tapped in the sandbox, so every call it saw ran without a gesture.
 */
/** The loader's error for a bare package name it found in no `miniprogram_npm`/`node_modules` folder. */
const NPM_MISSING = /^Cannot find module '(?![./])[^']+' from /;

export function launchFindings(
  result: LaunchResult,
  finding: MakeFinding,
  limits: { deadlineMs: number; memoryMb: number },
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of result.errors) {
    // A package that is not built is NPM_NOT_BUILT's, read statically; the launch error adds nothing.
    if (NPM_MISSING.test(error.message)) continue;
    const key = `${error.kind}|${error.name}|${error.message}|${error.file}|${error.line}`;
    if (seen.has(key) || seen.size >= MAX_RUNTIME_FINDINGS) continue;
    seen.add(key);
    const params = { phase: phaseText(error.phase, error.deferred, result), reason: reasonText(error) };
    const input = located({ params }, error);
    // Thrown inside the framework's bundle (uni-app's `common/vendor.js`, Taro's `taro.js`) with no frame of
    // the app's own code above it: most often what the sandbox's page lacks of the framework's internals
    // (`$vm`, the page's `query` holder) or a cloud call it cannot answer (uniCloud). Kept, as a warning.
    if (error.file !== undefined && isBundleName(error.file)) input.atMost = 'warning';
    findings.push(finding('RUNTIME_ERROR_ON_LAUNCH', input));
  }
  const stuck = stuckReason(result, limits);
  if (stuck !== undefined) {
    const phase = result.phase ?? 'settle';
    const file = scriptOfPhase(result.scripts, phase);
    const params = { phase: phaseText(phase, false, result), reason: stuck };
    findings.push(finding('RUNTIME_ERROR_ON_LAUNCH', file === undefined ? { params } : { params, file }));
  }
  const asked = new Set<string>();
  for (const call of result.calls) {
    if (!asksAuthorization(call)) continue;
    const key = `${call.api}|${call.file}|${call.line}|${call.phase}`;
    if (asked.has(key)) continue;
    asked.add(key);
    const hook = phaseText(call.phase, call.deferred, result);
    const path = { zh: `${hook.zh} → ${call.api}`, en: `${hook.en} → ${call.api}` };
    findings.push(finding('FIRST_SCREEN_AUTH', located({ params: { api: call.api, path } }, call)));
  }
  return findings;
}

function stuckReason(result: LaunchResult, limits: { deadlineMs: number; memoryMb: number }) {
  if (result.status === 'timeout') {
    return {
      zh: `启动未在 ${limits.deadlineMs} 毫秒内完成（死循环，或不停歇的 Promise 循环？）`,
      en: `the launch did not finish within ${limits.deadlineMs} ms (an endless loop, or a promise loop that never yields?)`,
    };
  }
  if (result.status === 'out-of-memory') {
    return {
      zh: `内存耗尽（超过 ${limits.memoryMb} MB）`,
      en: `it ran out of memory (over ${limits.memoryMb} MB)`,
    };
  }
  return undefined;
}

function asksAuthorization(call: LaunchCall): boolean {
  const kind = AUTH_APIS.get(call.api);
  if (kind !== 'user-scope') return kind !== undefined;
  // `my.getAuthCode({ scopes })`: no scopes means auth_base, the silent login.
  let first: unknown;
  try {
    first = (JSON.parse(call.args) as unknown[])[0];
  } catch {
    return false;
  }
  const scopes =
    typeof first === 'object' && first !== null ? (first as { scopes?: unknown }).scopes : undefined;
  const list = Array.isArray(scopes) ? scopes : scopes === undefined ? [] : [scopes];
  return list.some((scope) => !SILENT_SCOPES.has(String(scope)));
}

function reasonText(error: LaunchError): LocalizedText {
  const thrown =
    error.name !== '' && !error.message.startsWith(error.name)
      ? `${error.name}: ${error.message}`
      : error.message;
  if (error.kind === 'thrown') return { zh: thrown, en: thrown };
  return { zh: `未处理的 Promise 拒绝：${thrown}`, en: `unhandled promise rejection: ${thrown}` };
}

/** `App.onLaunch`, `app.js`, `a callback scheduled in Page.onLoad`, `an async callback after launch`. */
function phaseText(phase: LaunchPhase, deferred: boolean, result: LaunchResult): LocalizedText {
  if (phase === 'settle') return { zh: '启动后的异步回调', en: 'an async callback after launch' };
  const script =
    phase === 'app-script' || phase === 'page-script' ? scriptOfPhase(result.scripts, phase) : undefined;
  const where = script ?? phase;
  return deferred
    ? { zh: `${where} 中安排的回调`, en: `a callback scheduled in ${where}` }
    : { zh: where, en: where };
}

function located(input: FindingInput, at: { file?: string; line?: number }): FindingInput {
  if (at.file !== undefined) input.file = at.file;
  if (at.line !== undefined) input.line = at.line;
  return input;
}
