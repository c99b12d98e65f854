/**
 * The JSON the API speaks (DESIGN §5; docs/architecture.md, "The wire contract"): one declaration of every
 * resource, answer and request body, imported by the checker, the server, the resolver, the SDK and the
 * console. The server's zod schemas are held to these types at compile time (`http/schemas.ts`).
 * camelCase everywhere; percentages are numbers with at most two decimals; times are ISO-8601 strings.
 */
export type * from './app.js';
export type * from './audit.js';
export type * from './checks.js';
export type * from './error.js';
export type * from './gray-plan.js';
export type * from './health.js';
export type * from './host-events.js';
export type * from './page.js';
export type * from './report.js';
export type * from './requests.js';
export type * from './resolve.js';
export type * from './review-reasons.js';
export type * from './stream.js';
export type * from './token.js';
export type * from './version.js';
