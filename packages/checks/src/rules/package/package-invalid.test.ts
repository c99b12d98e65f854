import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../catalog/catalog.js';
import { readPackage } from '../../package/read-package.js';
import { rawZip } from '../../testing/raw-zip.js';
import { packageInvalidFinding } from './package-invalid.js';

describe('PACKAGE_INVALID', () => {
  it('turns the reader’s refusal into an error finding that names the entry', async () => {
    const read = await readPackage(rawZip([{ name: '../../etc/evil.js', data: 'x' }]));
    if (read.ok) throw new Error('expected a refusal');
    expect(packageInvalidFinding(CATALOG, read.problem)).toMatchObject({
      code: 'PACKAGE_INVALID',
      severity: 'error',
      file: '../../etc/evil.js',
      message: {
        zh: '代码包无法读取或不安全：条目 ../../etc/evil.js 的路径是绝对路径或含有 ..',
        en: 'The package is unreadable or unsafe: entry ../../etc/evil.js has an absolute path or a .. segment',
      },
    });
  });

  it('is not produced for a readable archive', async () => {
    expect((await readPackage(rawZip([{ name: 'app.json', data: '{}' }]))).ok).toBe(true);
  });
});
