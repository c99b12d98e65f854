import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run on the sources of the workspace packages, not on their last build.
    alias: Object.fromEntries(
      ['core', 'checks', 'resolver', 'sdk', 'server'].map((name) => [`@minirelease/${name}`, pkg(name)]),
    ),
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
