import {
  at,
  CheckConfigError,
  list,
  onlyKeys,
  record,
  text,
  textList,
} from '../config/check-config-error.js';
import type {
  Category,
  CategoryCatalog,
  QualificationRequirement,
  QualificationType,
} from './category-catalog.js';

/** Reads a catalog's shape (both lists, or either when `partial`: extra categories added to a base). */
export function parseCategoryCatalog(
  value: unknown,
  where: string,
  { partial = false } = {},
): CategoryCatalog {
  const raw = record(value, where);
  onlyKeys(raw, ['categories', 'qualificationTypes'], where);
  const lists = (key: string) => (partial && raw[key] === undefined ? [] : list(raw[key], at(where, key)));
  return {
    categories: lists('categories').map((c, i) => parseCategory(c, at(at(where, 'categories'), i))),
    qualificationTypes: lists('qualificationTypes').map((q, i) =>
      parseQualificationType(q, at(at(where, 'qualificationTypes'), i)),
    ),
  };
}

/**
 * Checks that a whole catalog holds together: ids and Chinese names unique (a category is found by either),
 * parents and documents that exist, and no parent cycle.
 */
export function checkCategoryCatalog(catalog: CategoryCatalog, where: string): CategoryCatalog {
  unique(catalog.qualificationTypes, `${where} qualification type`);
  unique(catalog.categories, `${where} category`);
  const types = new Set(catalog.qualificationTypes.map((q) => q.id));
  const byId = new Map(catalog.categories.map((c) => [c.id, c]));
  for (const category of catalog.categories) {
    for (const id of category.qualifications.flat()) {
      if (!types.has(id))
        throw new CheckConfigError(
          `${where}: category ${category.id} needs an unknown qualification type "${id}"`,
        );
    }
    if (category.parent !== undefined && !byId.has(category.parent)) {
      throw new CheckConfigError(
        `${where}: category ${category.id} has an unknown parent "${category.parent}"`,
      );
    }
    const seen = new Set<string>();
    for (
      let c: Category | undefined = category;
      c;
      c = c.parent === undefined ? undefined : byId.get(c.parent)
    ) {
      if (seen.has(c.id)) throw new CheckConfigError(`${where}: category ${category.id} is its own ancestor`);
      seen.add(c.id);
    }
  }
  return catalog;
}

function parseCategory(value: unknown, where: string): Category {
  const raw = record(value, where);
  onlyKeys(raw, ['id', 'name', 'en', 'parent', 'qualifications'], where);
  const category: Category = {
    id: text(raw.id, at(where, 'id')),
    name: text(raw.name, at(where, 'name')),
    en: text(raw.en, at(where, 'en')),
    qualifications: (raw.qualifications === undefined
      ? []
      : list(raw.qualifications, at(where, 'qualifications'))
    ).map(
      (q, i): QualificationRequirement =>
        Array.isArray(q)
          ? textList(q, at(at(where, 'qualifications'), i))
          : text(q, at(at(where, 'qualifications'), i)),
    ),
  };
  if (raw.parent !== undefined) category.parent = text(raw.parent, at(where, 'parent'));
  return category;
}

function parseQualificationType(value: unknown, where: string): QualificationType {
  const raw = record(value, where);
  onlyKeys(raw, ['id', 'name', 'en'], where);
  return {
    id: text(raw.id, at(where, 'id')),
    name: text(raw.name, at(where, 'name')),
    en: text(raw.en, at(where, 'en')),
  };
}

function unique(items: readonly { id: string; name: string }[], what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    for (const key of new Set([item.id, item.name])) {
      if (seen.has(key))
        throw new CheckConfigError(`${what} "${key}" appears twice (ids and names must be unique)`);
      seen.add(key);
    }
  }
}
