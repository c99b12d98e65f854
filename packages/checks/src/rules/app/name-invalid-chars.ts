import type { LocalizedText } from '../../report.js';
import type { Rule } from '../rule.js';

// CJK Unified Ideographs (all extensions), not radicals, punctuation or full-width Latin (ＡＢＣ).
const ALLOWED = /^[\p{Unified_Ideograph}A-Za-z0-9_+-]$/u;
const SPACES = new Set([' ', '\u3000', '\u00a0']);

/** NAME_INVALID_CHARS: the name holds only Chinese characters, ASCII letters and digits, and `_ + -`. */
export const nameInvalidChars: Rule = {
  name: 'name-invalid-chars',
  needs: 'app',
  codes: ['NAME_INVALID_CHARS'],
  run({ input, finding }) {
    const name = input.app?.name;
    if (name === undefined) return [];
    const offending = [...new Set([...name].filter((c) => !ALLOWED.test(c)))];
    if (offending.length === 0) return [];
    const shown = [...new Set(offending.map(show))];
    const chars = { zh: shown.map((s) => s.zh).join('、'), en: shown.map((s) => s.en).join(', ') };
    return [finding('NAME_INVALID_CHARS', { params: { chars } })];
  },
};

/** Spaces by name (Alipay refuses them, and a quoted space is invisible), controls by code point. */
function show(char: string): LocalizedText {
  if (SPACES.has(char)) return { zh: '空格', en: 'space' };
  if (/[\p{Cc}\p{Cf}\s]/u.test(char)) {
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return { zh: code, en: code };
  }
  return { zh: `“${char}”`, en: `"${char}"` };
}
