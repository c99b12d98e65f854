import { CATEGORIES, QUALIFICATION_TYPES } from './default-categories.js';

/** A document an industry needs (医疗机构执业许可证, 金融许可证, …). */
export interface QualificationType {
  id: string;
  name: string;
  en: string;
}

/** A document id the category needs, or a list of ids of which any one will do (政府机关证明 | 事业单位法人证书). */
export type QualificationRequirement = string | readonly string[];

/** A category of the tree (医疗 → 医院), with the documents its apps must hold (its ancestors' too). */
export interface Category {
  id: string;
  name: string;
  en: string;
  parent?: string;
  qualifications: QualificationRequirement[];
}

export interface CategoryCatalog {
  categories: Category[];
  qualificationTypes: QualificationType[];
}

/** The default tree: ids are ASCII slugs (`medical.hospital`), names are the platform's Chinese names. */
export const DEFAULT_CATEGORIES: CategoryCatalog = {
  categories: CATEGORIES,
  qualificationTypes: QUALIFICATION_TYPES,
};

/** A category by its id or its Chinese name (surrounding spaces ignored). */
export function findCategory(catalog: CategoryCatalog, idOrName: string): Category | undefined {
  const key = idOrName.trim();
  return catalog.categories.find((c) => c.id === key) ?? catalog.categories.find((c) => c.name === key);
}

/** A qualification type by its id or its Chinese name. */
export function findQualificationType(
  catalog: CategoryCatalog,
  idOrName: string,
): QualificationType | undefined {
  const key = idOrName.trim();
  return (
    catalog.qualificationTypes.find((q) => q.id === key) ??
    catalog.qualificationTypes.find((q) => q.name === key)
  );
}

/**
 * The documents an app of the category needs: its own and its ancestors', nearest first, each as the list of
 * types any one of which satisfies it. Unknown type ids are kept as bare types so a mistyped catalog shows up.
 */
export function requiredQualifications(catalog: CategoryCatalog, category: Category): QualificationType[][] {
  const requirements: QualificationType[][] = [];
  const seen = new Set<string>();
  for (let current: Category | undefined = category; current; ) {
    if (seen.has(current.id)) break; // a cycle in a platform's catalog must not hang the checker
    seen.add(current.id);
    for (const requirement of current.qualifications) {
      const ids = typeof requirement === 'string' ? [requirement] : [...requirement];
      const key = ids.join('|');
      if (requirements.some((r) => r.map((t) => t.id).join('|') === key)) continue;
      requirements.push(ids.map((id) => findQualificationType(catalog, id) ?? { id, name: id, en: id }));
    }
    current = current.parent === undefined ? undefined : findCategory(catalog, current.parent);
  }
  return requirements;
}
