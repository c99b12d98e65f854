import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { appJsonMissing } from './app-json-missing.js';

describe('APP_JSON_MISSING', () => {
  it('passes a package with app.json at its root', async () => {
    expect(await runRule(appJsonMissing, fileMap(minimalApp()))).toEqual([]);
  });

  it('reports a package without app.json at its root', async () => {
    const findings = await runRule(appJsonMissing, fileMap({ 'src/app.json': '{}', 'app.js': 'App({})' }));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'APP_JSON_MISSING', severity: 'error', file: 'app.json' }),
    ]);
  });
});
