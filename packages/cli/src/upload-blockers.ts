import type { Report } from '@minirelease/sdk';
import type { Colors, Lang } from './output.js';

/** What a blocking finding asks the developer to do, as the command that does it (docs/upload.md). */
function fixFor(code: string, app: string, version: string): { zh: string; en: string } {
  const at = `--app ${app}`;
  if (code === 'VERSION_DESC_LENGTH') {
    const cmd = `minirelease version edit ${at} --version ${version} --description '…'`;
    return { zh: `${cmd}（30–500 字）`, en: `${cmd} (30–500 characters)` };
  }
  if (code === 'NAME_MISSING_BRAND') {
    const cmd = `minirelease app edit ${at} --name '…' --brand '…'`;
    return { zh: cmd, en: cmd };
  }
  if (code.startsWith('NAME_')) {
    const cmd = `minirelease app edit ${at} --name '…'`;
    return { zh: cmd, en: cmd };
  }
  if (code === 'CATEGORY_UNKNOWN') {
    const cmd = `minirelease app edit ${at} --category '…'`;
    return { zh: cmd, en: cmd };
  }
  if (code.startsWith('QUALIFICATION_')) {
    const cmd = `minirelease app qualification add ${at} --type … --number … --expires YYYY-MM-DD`;
    return { zh: cmd, en: cmd };
  }
  if (code.startsWith('MATERIALS_')) {
    const cmd = `minirelease submit ${at} --version ${version} --test-account … --test-password …`;
    return { zh: cmd, en: cmd };
  }
  // A finding in the package itself: fix the code and send the same number again; an INIT version is replaced.
  const cmd = `minirelease upload <path> ${at} --version ${version} --description '…'`;
  return {
    zh: `修改代码后重新上传同一版本号：${cmd}`,
    en: `fix the package and upload the same version again: ${cmd}`,
  };
}

/**
 * For an upload whose report has errors: that the version is stored, what blocks its submission, and for
 * each blocking code the command that fixes it. App and release-notes findings are judged again at submit,
 * so an edit fixes them without a new upload.
 */
export function blockerLines(report: Report, app: string, version: string, lang: Lang, c: Colors): string[] {
  const codes = [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.code))];
  if (codes.length === 0) return [];
  const head =
    lang === 'zh'
      ? `已保存 ${app} ${version}（INIT），但以下错误会阻止提交审核：${codes.join('、')}`
      : `stored ${app} ${version} as INIT, but submit will refuse it until these are fixed: ${codes.join(', ')}`;
  const lines = [c.yellow(head)];
  const seen = new Set<string>();
  for (const code of codes) {
    const fix = fixFor(code, app, version)[lang];
    if (seen.has(fix)) continue;
    seen.add(fix);
    lines.push(`  ${lang === 'zh' ? '修复' : 'fix'} ${c.dim(code)}: ${fix}`);
  }
  return lines;
}
