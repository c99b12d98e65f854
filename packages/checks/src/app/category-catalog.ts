/** A document an industry needs (医疗机构执业许可证, 金融许可证, …). */
export interface QualificationType {
  id: string;
  name: string;
  en: string;
}

/** A category of the tree (医疗 → 医院), with the documents its apps must hold. */
export interface Category {
  id: string;
  name: string;
  en: string;
  parent?: string;
  qualifications: string[];
}

export interface CategoryCatalog {
  categories: Category[];
  qualificationTypes: QualificationType[];
}

export const DEFAULT_CATEGORIES: CategoryCatalog = { categories: [], qualificationTypes: [] };
