import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { appJsonInvalid } from './app-json-invalid.js';

const withAppJson = (text: string) => fileMap({ ...minimalApp(), 'app.json': text });

describe('APP_JSON_INVALID', () => {
  it('passes a valid app.json, and leaves a missing one to APP_JSON_MISSING', async () => {
    expect(await runRule(appJsonInvalid, fileMap(minimalApp()))).toEqual([]);
    expect(await runRule(appJsonInvalid, new Map())).toEqual([]);
  });

  it('reports broken JSON with its line', async () => {
    const findings = await runRule(
      appJsonInvalid,
      withAppJson('{\n  "pages": [\n    "pages/index/index",\n  ]\n}'),
    );
    expect(findings).toEqual([
      expect.objectContaining({ code: 'APP_JSON_INVALID', file: 'app.json', line: 4 }),
    ]);
    expect(findings[0]!.message.en).toBe('app.json is invalid: not valid JSON (line 4, column 3)');
    expect(findings[0]!.message.zh).toBe('app.json 无效：不是合法的 JSON（第 4 行第 3 列）');
  });

  it.each(['{}', '{"pages": []}', '{"pages": "pages/index/index"}', '{"pages": [null]}', '"pages"'])(
    'reports %s for its pages',
    async (text) => {
      expect(await runRule(appJsonInvalid, withAppJson(text))).toEqual([
        expect.objectContaining({ code: 'APP_JSON_INVALID' }),
      ]);
    },
  );
});
