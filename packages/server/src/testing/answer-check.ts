import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** The slice of an OpenAPI 3.1 document this reads. */
interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>
  >;
}

/**
 * Checks real answers against `/openapi.json` (docs/architecture.md, "The wire contract"): the compiler holds
 * the zod schemas to the wire types, and this holds every answer a test receives to the document generated
 * from them. Every route test that goes through `TestServer.call` is checked, so the whole route suite is.
 * Answers a list of problems; empty when the answer is what the document says, or the document says nothing.
 */
export type AnswerCheck = (method: string, url: string, status: number, body: unknown) => string[];

export function answerCheck(doc: OpenApiDocument): AnswerCheck {
  // strict: false — the document carries OpenAPI keywords (example, description on $ref…) that are not JSON Schema.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const routes = Object.keys(doc.paths).map((template) => ({ template, pattern: templatePattern(template) }));
  // A static segment beats a parameter (`/v1/stream/snapshot` before `/v1/stream/{x}`), as the router does.
  routes.sort((a, b) => staticSegments(b.template) - staticSegments(a.template));
  const compiled = new Map<string, ValidateFunction | null>();

  return (method, url, status, body) => {
    const path = url.split('?')[0]!;
    const route = routes.find((r) => r.pattern.test(path));
    if (!route) return [];
    const key = `${method.toLowerCase()} ${route.template} ${status}`;
    let validate = compiled.get(key);
    if (validate === undefined) {
      const schema =
        doc.paths[route.template]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.[
          'application/json'
        ]?.schema;
      validate = schema ? ajv.compile(schema) : null;
      compiled.set(key, validate);
    }
    if (validate === null || validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  };
}

function templatePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (segment.startsWith('{') ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function staticSegments(template: string): number {
  return template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
}
