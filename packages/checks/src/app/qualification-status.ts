import type { AppInfo, QualificationInfo } from '../input.js';
import {
  type Category,
  type CategoryCatalog,
  findCategory,
  findQualificationType,
  type QualificationType,
  requiredQualifications,
} from './category-catalog.js';

/** One requirement of the app's category (a document, or one of several) and the app's documents meeting it. */
export interface RequirementStatus {
  types: QualificationType[];
  held: QualificationInfo[];
}

/**
 * The category's requirements and what the app holds for each, or undefined when the category is unknown
 * (CATEGORY_UNKNOWN says so). A document counts by type id or Chinese name, expired or not.
 */
export function qualificationStatus(
  catalog: CategoryCatalog,
  app: AppInfo,
): { category: Category; requirements: RequirementStatus[] } | undefined {
  const category = findCategory(catalog, app.category);
  if (!category) return undefined;
  const typeOf = (q: QualificationInfo) => findQualificationType(catalog, q.type)?.id ?? q.type.trim();
  const requirements = requiredQualifications(catalog, category).map((types) => ({
    types,
    held: app.qualifications.filter((q) => types.some((t) => t.id === typeOf(q))),
  }));
  return { category, requirements };
}

/** Valid through its expiry day; an expiry that is not YYYY-MM-DD cannot show the document valid. */
export function isValidOn(document: QualificationInfo, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(document.expiresAt) && document.expiresAt >= today;
}

/**
 * The app's document of one of `types` (ids) valid on `today`, if it holds one: the trademark that lifts a
 * brand's own restricted word, the privacy policy that stands for Alipay's privacyPolicyUrl.
 */
export function validDocument(
  catalog: CategoryCatalog,
  app: AppInfo | undefined,
  types: readonly string[],
  today: string,
): QualificationInfo | undefined {
  const typeOf = (q: QualificationInfo) => findQualificationType(catalog, q.type)?.id ?? q.type.trim();
  return app?.qualifications.find((q) => types.includes(typeOf(q)) && isValidOn(q, today));
}
