import { forbiddenOccurrences, insideBrand } from '../../app/forbidden-words.js';
import { validDocument } from '../../app/qualification-status.js';
import type { LocalizedText } from '../../report.js';
import type { Rule } from '../rule.js';

/** The documents that show a brand is the app's own (商标注册证, 品牌授权书): they lift its restricted words. */
export const TRADEMARK_TYPES = ['trademark-registration', 'brand-authorization'] as const;

/**
 * NAME_FORBIDDEN_WORD: no absolute or official-sounding word (全国, 官方, 最…) and no platform brand (支付宝).
 * A word that is part of the app's own brand where the name carries it (中国 of 中国银行, 国家 of 国家电网) is
 * the brand's, not a claim: it is allowed when the app holds a valid trademark registration or brand
 * authorization, and otherwise reported with a hint naming those documents.
 */
export const nameForbiddenWord: Rule = {
  name: 'name-forbidden-word',
  needs: 'app',
  codes: ['NAME_FORBIDDEN_WORD'],
  run({ input, words, categories, finding }) {
    const app = input.app;
    if (app === undefined) return [];
    const found = forbiddenOccurrences(app.name, words);
    const ofBrand = insideBrand(app.name, app.brand);
    const trademark = validDocument(categories, app, TRADEMARK_TYPES, input.today) !== undefined;
    const reported = found.filter((f) => !(trademark && ofBrand(f)));
    if (reported.length === 0) return [];
    const shown = [...new Set(reported.map((f) => f.word))];
    const list = { zh: shown.map((w) => `“${w}”`).join('、'), en: shown.map((w) => `"${w}"`).join(', ') };
    const branded = [...new Set(reported.filter(ofBrand).map((f) => f.word))];
    return [
      finding('NAME_FORBIDDEN_WORD', { params: { words: list, brandNote: brandNote(branded, app.brand) } }),
    ];
  },
};

/** What lifts a brand's own restricted words: empty when none of the reported words is the brand's. */
function brandNote(branded: readonly string[], brand: string): LocalizedText {
  if (branded.length === 0) return { zh: '', en: '' };
  const zh = branded.map((w) => `“${w}”`).join('、');
  const en = branded.map((w) => `"${w}"`).join(', ');
  const name = brand.trim();
  return {
    zh: `${zh}是品牌“${name}”的一部分：将商标注册证或品牌授权书登记为应用资质后即可保留。`,
    en: ` ${en} is part of the brand "${name}": register a trademark registration certificate (商标注册证) or a brand authorization letter (品牌授权书) as a qualification of the app to keep it.`,
  };
}
