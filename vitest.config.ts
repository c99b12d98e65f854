import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run on the sources of the workspace packages, not on their last build.
    alias: {
      // A subpath first: the package aliases below would also match it as a prefix.
      '@minirelease/resolver/tick-shapes': fileURLToPath(
        new URL('./packages/resolver/src/embedded/tick-shapes.ts', import.meta.url),
      ),
      '@minirelease/sdk/testing': fileURLToPath(
        new URL('./packages/sdk/src/testing/index.ts', import.meta.url),
      ),
      '@minirelease/sdk/node': fileURLToPath(new URL('./packages/sdk/src/node/index.ts', import.meta.url)),
      '@minirelease/core/wire': fileURLToPath(new URL('./packages/core/src/wire/index.ts', import.meta.url)),
      ...Object.fromEntries(
        ['core', 'checks', 'resolver', 'sdk', 'server'].map((name) => [`@minirelease/${name}`, pkg(name)]),
      ),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/console/src/**/*.test.tsx', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
