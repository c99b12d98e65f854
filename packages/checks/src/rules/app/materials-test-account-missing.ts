import type { LocalizedText } from '../../report.js';
import type { Rule } from '../rule.js';

/**
 * MATERIALS_TEST_ACCOUNT_MISSING: an app with a login (found in its package) comes with a test account *and*
 * its password: reviewers cannot log in with an account alone (an SMS login gives a fixed code as password).
 */
export const materialsTestAccountMissing: Rule = {
  name: 'materials-test-account-missing',
  needs: 'submission',
  codes: ['MATERIALS_TEST_ACCOUNT_MISSING'],
  run({ input, finding }) {
    if (input.usesLogin !== true) return [];
    const account = input.materials?.testAccount?.trim() ?? '';
    const password = input.materials?.testPassword?.trim() ?? '';
    let missing: LocalizedText;
    if (account === '' && password === '')
      missing = { zh: '测试账号和密码', en: 'a test account and its password' };
    else if (account === '') missing = { zh: '测试账号', en: 'the test account' };
    else if (password === '') missing = { zh: '测试账号的密码', en: "the test account's password" };
    else return [];
    return [finding('MATERIALS_TEST_ACCOUNT_MISSING', { params: { missing } })];
  },
};
