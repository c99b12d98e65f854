/**
 * The SDK as a user installs it (issue 11: publishable). publint and arethetypeswrong check the packed
 * packages (sdk and the core it depends on) against their package.json; the rest checks what they cannot: no
 * test helper is shipped, and the browser entry reaches no `node:` module. Needs the build (`npm test` runs it
 * first).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const sdk = fileURLToPath(new URL('..', import.meta.url));

beforeAll(() => {
  if (!existsSync(join(sdk, 'dist/index.js'))) throw new Error('build first: npm run build');
});

/** Every file the entry reaches by relative imports (the SDK's own), and the bare or `node:` ones it names. */
async function imports(entry: string, seen = new Set<string>(), external = new Set<string>()) {
  if (seen.has(entry)) return { seen, external };
  seen.add(entry);
  const text = await readFile(entry, 'utf8');
  for (const [, spec] of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
    if (spec!.startsWith('.')) await imports(resolve(dirname(entry), spec!), seen, external);
    else external.add(spec!);
  }
  return { seen, external };
}

describe('the published SDK', () => {
  it('passes publint and arethetypeswrong, sdk and core', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'check:package'], { cwd: sdk });
    expect(stdout).toContain('All good!');
    expect(stdout).not.toMatch(/❌|Problems found/);
  }, 120_000);

  it('packs dist and the README, never the test helpers nor tests', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: sdk });
    const files = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/node/file-store.js');
    expect(files).toContain('README.md');
    expect(
      files.filter((f) => f.includes('testing') || f.includes('.test.') || f.startsWith('src/')),
    ).toEqual([]);
    const pkg = JSON.parse(await readFile(join(sdk, 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
  });

  it('keeps node: modules out of the browser entry, and behind @minirelease/sdk/node', async () => {
    const browser = await imports(join(sdk, 'dist/index.js'));
    expect([...browser.external].sort()).toEqual(['@minirelease/core']);
    const node = await imports(join(sdk, 'dist/node/index.js'));
    expect([...node.external].filter((s) => s.startsWith('node:')).length).toBeGreaterThan(0);
  });
});
