import type { Finding, LocalizedText, Severity } from './report.js';

/** `POST /v1/checks/app`: the app rules run on what a form holds, before anything is created. */
export interface AppCheckRequest {
  name: string;
  brand: string;
  category: string;
  qualifications?: { type: string; number?: string | undefined; expiresAt: string }[] | undefined;
  description?: string | undefined;
}

/** The findings of the app rules alone; `ok` is false when one is an `error`. */
export interface AppCheckResult {
  ok: boolean;
  findings: Finding[];
}

/** One rule of the checker's catalog, in both languages (placeholders such as `{name}` left unfilled). */
export interface RuleEntry {
  code: string;
  severity: Severity;
  message: LocalizedText;
  hint: LocalizedText;
}

/** A category of the catalog and the documents it needs: each inner list is "any one of these types". */
export interface CatalogCategory {
  id: string;
  name: string;
  en: string;
  parent?: string;
  requires: string[][];
}

/** `GET /v1/checks/catalog`: what a client needs to show findings and category pickers in both languages. */
export interface CheckCatalog {
  rules: RuleEntry[];
  categories: CatalogCategory[];
  qualificationTypes: { id: string; name: string; en: string }[];
}

/** `POST /v1/apps/:app/materials`: a stored image, addressed by its SHA-256. */
export interface Material {
  sha256: string;
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
  size: number;
}
