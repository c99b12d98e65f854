import type { Finding, Report } from '@minirelease/sdk';
import type { Colors, Lang } from './output.js';

const ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** The report summary, then one line per finding, errors first, with where and the hint. */
export function reportLines(report: Report, lang: Lang, c: Colors): string[] {
  const count = (s: Finding['severity']) => report.findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const lines = [summaryLine(report.ok, errors, warnings, lang, c)];
  const sorted = [...report.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  for (const f of sorted) {
    const where = f.file
      ? c.dim(` (${f.file}${f.line ? `:${f.line}` : ''}${f.column ? `:${f.column}` : ''})`)
      : '';
    lines.push(`  ${severity(f.severity, c)} ${f.code}  ${f.message[lang]}${where}`);
    if (f.snippet) lines.push(c.dim(`      ${f.snippet}`));
    if (f.hint) lines.push(c.dim(`      ${f.hint[lang]}`));
  }
  return lines;
}

function summaryLine(ok: boolean, errors: number, warnings: number, lang: Lang, c: Colors): string {
  if (lang === 'zh') {
    const verdict = ok ? c.green('检查通过') : c.red('检查未通过');
    return `${verdict}：${errors} 个错误，${warnings} 个警告`;
  }
  const verdict = ok ? c.green('report ok') : c.red('report failed');
  return `${verdict}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function severity(value: Finding['severity'], c: Colors): string {
  if (value === 'error') return c.red('error  ');
  if (value === 'warning') return c.yellow('warning');
  return c.dim('info   ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
