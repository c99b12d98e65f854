import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

type Transform = typeof jsonSchemaTransform;

const isZod = (v: unknown) => typeof v === 'object' && v !== null && '_zod' in v;

/** The API routes are described in zod, the data plane in plain JSON schema (its faster serializer): take both. */
const transform: Transform = (document) => {
  const schema = document.schema as Record<string, unknown> | undefined;
  if (!schema) return jsonSchemaTransform(document);
  const parts = [
    schema.body,
    schema.querystring,
    schema.params,
    schema.headers,
    ...Object.values((schema.response as object) ?? {}),
  ];
  return parts.some(isZod) ? jsonSchemaTransform(document) : { schema: document.schema, url: document.url };
};

/** OpenAPI 3.1 from the route schemas themselves, at /openapi.json, and its docs at /docs. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'minirelease',
        version,
        description:
          'Release platform for mini-programs: upload → pre-review checks → review → gray → publish. ' +
          'Authenticate with `Authorization: Bearer <token>`; errors are `{ error: { code, message, details? } }`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
