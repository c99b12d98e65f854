import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../catalog/catalog.js';
import { createFinding } from '../../finding.js';
import type { LaunchError, LaunchResult } from '../../sandbox/launch-types.js';
import { launchFindings } from './launch-findings.js';

const limits = { deadlineMs: 1000, memoryMb: 64 };
const launched = (errors: LaunchError[]): LaunchResult => ({
  status: 'finished',
  scripts: { app: 'app.js', page: 'pages/index/index.js' },
  errors,
  calls: [],
  console: [],
  durationMs: 5,
});
const thrown = (file: string, message: string): LaunchError => ({
  kind: 'thrown',
  phase: 'Page.onLoad',
  deferred: false,
  name: 'TypeError',
  message,
  file,
  line: 7,
});
const findings = (errors: LaunchError[]) =>
  launchFindings(launched(errors), (code, input) => createFinding(CATALOG, code, input), limits).map((f) => [
    f.severity,
    f.file,
    f.message.en,
  ]);

// docs/checker.md, "Compiled builds": uni-app's runtime reads internals the sandbox's page lacks ($vm, the
// page's query holder), and uniCloud calls reject without a cloud: thrown inside the framework's bundle.
describe('RUNTIME_ERROR_ON_LAUNCH from a compiled build', () => {
  it('judges a throw located in the framework’s bundle as the framework’s: a warning, never dropped', () => {
    expect(
      findings([
        thrown('common/vendor.js', "Cannot set properties of undefined (setting 'query')"),
        thrown('taro.js', "Cannot read properties of undefined (reading '$vm')"),
      ]),
    ).toEqual([
      [
        'warning',
        'common/vendor.js',
        "The app fails when launched, in Page.onLoad: TypeError: Cannot set properties of undefined (setting 'query')",
      ],
      [
        'warning',
        'taro.js',
        "The app fails when launched, in Page.onLoad: TypeError: Cannot read properties of undefined (reading '$vm')",
      ],
    ]);
  });

  it('keeps a throw in the app’s own code an error: common/main.js, a page chunk, app.js', () => {
    const own = ['common/main.js', 'pages/index/index.js', 'app.js'];
    expect(findings(own.map((file) => thrown(file, `${file} broke`))).map(([severity]) => severity)).toEqual([
      'error',
      'error',
      'error',
    ]);
  });
});
