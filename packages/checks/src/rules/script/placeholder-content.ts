import type { Finding } from '../../report.js';
import { attribute, type TemplateText, visibleParts } from '../../script/template-scan.js';
import type { Rule } from '../rule.js';

/**
 * What reads as test or placeholder copy. Latin words must stand alone (`test`, not `latest` or `contest`);
 * `TODO`/`FIXME` only in capitals (a to-do app may say "Todo"); `XXX` is the usual Chinese stand-in name.
 */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /测试/,
  /占位/,
  /(?<![A-Za-z])test(?![A-Za-z])/i,
  /\b(TODO|FIXME)\b/,
  /lorem\s+ipsum/i,
  /(?<![A-Za-z])x{3,}(?![A-Za-z])/i,
];

/** A string in `{{ }}` that is a key or a path (`'home.test'`, `'/img/test.png'`), not copy a user reads. */
const KEY_OR_PATH = /^[\w-]*([./][\w-]+)+$/;

/** Attributes whose value is shown to the user: an input's hint and prefilled value, an image's text. */
const VISIBLE_ATTRIBUTES = ['placeholder', 'alt'];
const VALUE_SHOWN = new Set(['input', 'textarea']);

/**
 * PLACEHOLDER_CONTENT: test or placeholder words in the visible text of own templates (pages and the
 * components they show): text between tags, string literals inside `{{ }}`, and shown attributes
 * (`placeholder`, `alt`, an input's `value`). Strings in `{{ }}` that are i18n keys or paths are not copy. Comments, attribute names, class names, event handler names
 * and inline `<wxs>`/`<sjs>` code are not visible and not judged. One finding per text run.
 */
export const placeholderContent: Rule = {
  name: 'placeholder-content',
  needs: 'package',
  codes: ['PLACEHOLDER_CONTENT'],
  run({ scripts, finding }) {
    const findings: Finding[] = [];
    for (const path of scripts.ownTemplates) {
      const template = scripts.template(path)!;
      const runs: TemplateText[] = [...template.texts];
      for (const tag of template.tags) {
        const names = VALUE_SHOWN.has(tag.name) ? [...VISIBLE_ATTRIBUTES, 'value'] : VISIBLE_ATTRIBUTES;
        for (const name of names) {
          const value = attribute(tag, name);
          if (value?.value !== undefined) runs.push({ text: value.value, start: value.start });
        }
      }
      runs.sort((a, b) => a.start - b.start);
      for (const run of runs) {
        for (const part of visibleParts(run.text, run.start)) {
          const at = part.quoted && KEY_OR_PATH.test(part.text) ? -1 : firstMatch(part.text);
          if (at < 0) continue;
          const params = { text: excerpt(part.text) };
          findings.push(
            finding('PLACEHOLDER_CONTENT', { params, file: path, line: template.line(part.start + at) }),
          );
          break;
        }
      }
    }
    return findings;
  },
};

function firstMatch(text: string): number {
  let first = -1;
  for (const pattern of PLACEHOLDER_PATTERNS) {
    const at = text.search(pattern);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

function excerpt(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}
