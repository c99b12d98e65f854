import type { Rule } from '../rule.js';
import { categoryUnknown } from './category-unknown.js';
import { materialsScreenshotsMissing } from './materials-screenshots-missing.js';
import { materialsTestAccountMissing } from './materials-test-account-missing.js';
import { nameForbiddenWord } from './name-forbidden-word.js';
import { nameInvalidChars } from './name-invalid-chars.js';
import { nameLength } from './name-length.js';
import { nameMissingBrand } from './name-missing-brand.js';
import { nameTooGeneric } from './name-too-generic.js';
import { qualificationExpired } from './qualification-expired.js';
import { qualificationMissing } from './qualification-missing.js';
import { versionDescLength } from './version-desc-length.js';

/** The app-level rules (name, category, documents, release notes) and the submission's, in report order. */
export const APP_RULES: readonly Rule[] = [
  nameLength,
  nameInvalidChars,
  nameForbiddenWord,
  nameTooGeneric,
  nameMissingBrand,
  categoryUnknown,
  qualificationMissing,
  qualificationExpired,
  versionDescLength,
  materialsTestAccountMissing,
  materialsScreenshotsMissing,
];
