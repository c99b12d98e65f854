import type { Catalog, FindingCode } from './catalog/catalog.js';
import type { Finding, LocalizedText, Severity } from './report.js';

/** A placeholder value: the same in both languages, or one per language. */
export type FindingParam = string | number | LocalizedText;

export interface FindingInput {
  params?: Record<string, FindingParam>;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  snippet?: string | undefined;
  /**
   * The most this finding may weigh, whatever the catalog says: a rule that is sure in one case and not in
   * another (a declaration the package may hold, or the platform's console) caps the unsure case. A tuned
   * catalog still lowers both.
   */
  atMost?: Severity | undefined;
}

const WEIGHT: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Builds a finding from its catalog entry, so severity and wording stay tunable data. */
export function createFinding(catalog: Catalog, code: FindingCode, input: FindingInput = {}): Finding {
  const entry = catalog[code];
  const params = input.params ?? {};
  const finding: Finding = {
    code,
    severity:
      input.atMost !== undefined && WEIGHT[input.atMost] < WEIGHT[entry.severity]
        ? input.atMost
        : entry.severity,
    message: localize(entry.message, params),
    hint: localize(entry.hint, params),
  };
  if (input.file !== undefined) finding.file = input.file;
  if (input.line !== undefined) finding.line = input.line;
  if (input.column !== undefined) finding.column = input.column;
  if (input.snippet !== undefined) finding.snippet = input.snippet;
  return finding;
}

function localize(text: LocalizedText, params: Record<string, FindingParam>): LocalizedText {
  return { zh: fill(text.zh, params, 'zh'), en: fill(text.en, params, 'en') };
}

function fill(template: string, params: Record<string, FindingParam>, lang: keyof LocalizedText): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}
