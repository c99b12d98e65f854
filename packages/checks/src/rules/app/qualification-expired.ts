import { isValidOn, qualificationStatus } from '../../app/qualification-status.js';
import type { Rule } from '../rule.js';

/**
 * QUALIFICATION_EXPIRED: a document the category needs is held but none of its kind is valid on `today`
 * (an older expired copy beside a renewed one is fine). One finding per type, with its latest expiry.
 */
export const qualificationExpired: Rule = {
  name: 'qualification-expired',
  needs: 'app',
  codes: ['QUALIFICATION_EXPIRED'],
  run({ input, categories, finding }) {
    const status = input.app && qualificationStatus(categories, input.app);
    if (!status) return [];
    const findings = [];
    for (const { types, held } of status.requirements) {
      if (held.length === 0 || held.some((q) => isValidOn(q, input.today))) continue;
      for (const type of types) {
        const expiries = held.filter((q) => sameType(q.type, type)).map((q) => q.expiresAt);
        if (expiries.length === 0) continue;
        const qualification = { zh: type.name, en: type.en };
        const expiresAt = expiries.sort().at(-1)!;
        findings.push(finding('QUALIFICATION_EXPIRED', { params: { qualification, expiresAt } }));
      }
    }
    return findings;
  },
};

function sameType(given: string, type: { id: string; name: string }): boolean {
  const key = given.trim();
  return key === type.id || key === type.name;
}
