import { CATALOG, checkSubmission, DEFAULT_CATEGORIES, requiredQualifications } from '@minirelease/checks';
import { AppCheckBody, AppCheckResultSchema, CheckCatalogSchema, commonErrors } from '../http/schemas.js';
import type { Services } from '../services/services.js';
import type { Api } from './route-types.js';

const tags = ['checks'];

/**
 * The checker's app rules and catalog for forms: a console checks a name as it is typed and shows each
 * finding in the user's language, with the platform's own tuning (docs/checker.md). Nothing is stored.
 */
export function checkRoutes(api: Api, s: Services): void {
  api.post(
    '/v1/checks/app',
    {
      schema: {
        tags,
        summary: 'Run the app rules (name, category, documents, release notes) on a draft; creates nothing',
        body: AppCheckBody,
        response: { 200: AppCheckResultSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { name, brand, category, qualifications = [], description } = request.body;
      const report = await checkSubmission({
        ...s.check,
        input: {
          app: {
            name,
            brand,
            category,
            qualifications: qualifications.map((q) => ({
              type: q.type,
              expiresAt: q.expiresAt,
              ...(q.number === undefined ? {} : { number: q.number }),
            })),
          },
          ...(description === undefined ? {} : { description }),
          today: s.now().toISOString().slice(0, 10),
        },
      });
      return { ok: report.ok, findings: report.findings };
    },
  );

  api.get(
    '/v1/checks/catalog',
    {
      schema: {
        tags,
        summary: 'The rule catalog (zh/en text and hint), the categories and the documents each needs',
        response: { 200: CheckCatalogSchema, ...commonErrors },
      },
    },
    async () => {
      const catalog = s.check.catalog ?? CATALOG;
      const categories = s.check.categories ?? DEFAULT_CATEGORIES;
      return {
        rules: Object.values(catalog).map(({ code, severity, message, hint }) => ({
          code,
          severity,
          message,
          hint,
        })),
        categories: categories.categories.map((c) => ({
          id: c.id,
          name: c.name,
          en: c.en,
          ...(c.parent === undefined ? {} : { parent: c.parent }),
          requires: requiredQualifications(categories, c).map((anyOf) => anyOf.map((t) => t.id)),
        })),
        qualificationTypes: categories.qualificationTypes.map(({ id, name, en }) => ({ id, name, en })),
      };
    },
  );
}
