import { apiData } from './api-data.js';
import { createApi } from './api-stub.js';
import { valueText } from './describe-value.js';
import type { RuntimeParts } from './host.js';
import { createLaunch } from './launch-driver.js';
import { lenient } from './lenient.js';
import { limitBuffers } from './memory-budget.js';
import { createModuleLoader } from './module-loader.js';
import { createPageInstance } from './page-instance.js';

const PARTS: RuntimeParts = {
  lenient,
  apiData,
  createApi,
  createModuleLoader,
  createPageInstance,
  limitBuffers,
  valueText,
};

/**
 * The runtime the worker evaluates inside the app's `vm` context: a function of `(host, configJson)`
 * returning a `LaunchRuntime`. It is built from the parts' own source text (`Function.prototype.toString`),
 * so the parts are ordinary TypeScript, type-checked and linted, and run the same from `dist/` and under
 * Vitest. The price: a part names nothing outside its own body (no imports but types, no module constants)
 * and takes what it needs as parameters; the launch tests fail at once with a ReferenceError otherwise.
 * Code coverage that instruments function bodies (istanbul) would break this; V8 coverage does not.
 *
 * Being created inside the context, every object the app can reach (`my`, `Page`, the page instance, the
 * answers of APIs) belongs to the context's realm, whose `Function` reaches no Node API.
 */
export const RUNTIME_SOURCE = [
  "'use strict';",
  '(function runtime(host, configJson) {',
  ...Object.entries(PARTS).map(([name, part]) => `const ${name} = ${part.toString()};`),
  `return (${createLaunch.toString()})(host, configJson, { ${Object.keys(PARTS).join(', ')} });`,
  '})',
].join('\n');
