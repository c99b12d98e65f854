import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { sealStoredPasswords } from './sealed-materials.js';
import { loadSecretKey, SecretBox } from './secret-box.js';

const APP = 'qinghe-books';

/** Test passwords sat in clear in `versions.materials` (issue 10, defect 11). */
describe.each(TEST_DIALECTS)('test passwords at rest on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    const steps = publishSteps(s);
    await steps.create();
    await steps.upload('1.0.0');
    const r = await s.call('POST', `/v1/apps/${APP}/versions/1.0.0/submit`, {
      body: { testAccount: 'reviewer01', testPassword: 'pw-Secret-1' },
    });
    expect(r.statusCode, r.body).toBe(200);
  });
  afterAll(() => s.close());

  const stored = async () =>
    (
      await s.services.db
        .selectFrom('versions')
        .select('materials')
        .where('app_id', '=', APP)
        .executeTakeFirstOrThrow()
    ).materials!;

  it('keeps the test password sealed in the row, and shows it to reviewers in the queue only', async () => {
    expect(await stored()).not.toContain('pw-Secret-1');
    expect(JSON.parse(await stored()).testPassword).toMatch(/^sealed:v1:/);
    const reviewer = await s.tokenFor('reviewer-1', ['reviewer']);
    const queue = (await s.call('GET', '/v1/review-queue', { token: reviewer })).json().items;
    expect(queue[0].materials).toMatchObject({ testAccount: 'reviewer01', testPassword: 'pw-Secret-1' });
    const asOwner = (await s.call('GET', `/v1/apps/${APP}/versions/1.0.0`)).json();
    expect(asOwner.materials).toEqual({ testAccount: 'reviewer01' });
  });

  it('seals a password stored in clear before, on the next start, once', async () => {
    await s.services.db
      .updateTable('versions')
      .set({ materials: JSON.stringify({ testAccount: 'a', testPassword: 'old-clear' }) })
      .where('app_id', '=', APP)
      .execute();
    expect(await sealStoredPasswords(s.services.db, s.services.secrets)).toBe(1);
    expect(await stored()).not.toContain('old-clear');
    expect(s.services.secrets.open(JSON.parse(await stored()).testPassword)).toBe('old-clear');
    expect(await sealStoredPasswords(s.services.db, s.services.secrets)).toBe(0);
  });
});

describe('the secret key', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-key-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is made on first start in <data-dir>/secret-key with mode 0600, and read back after', async () => {
    const first = await loadSecretKey(dir, undefined);
    expect((await stat(join(dir, 'secret-key'))).mode & 0o777).toBe(0o600);
    expect((await readFile(join(dir, 'secret-key'), 'utf8')).trim()).toBe(first.toString('hex'));
    expect((await loadSecretKey(dir, undefined)).equals(first)).toBe(true);
  });

  it('comes from MINIRELEASE_SECRET_KEY when set, and a wrong one is refused', async () => {
    const hex = 'ab'.repeat(32);
    expect((await loadSecretKey(dir, hex)).toString('hex')).toBe(hex);
    await expect(loadSecretKey(dir, 'short')).rejects.toThrow('64 hex digits');
  });

  it('opens only what it sealed: another key or a changed byte fails', () => {
    const box = SecretBox.ephemeral();
    const sealed = box.seal('密码 pw');
    expect(box.open(sealed)).toBe('密码 pw');
    expect(box.seal('密码 pw')).not.toBe(sealed);
    expect(() => SecretBox.ephemeral().open(sealed)).toThrow();
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => box.open(flipped)).toThrow();
  });
});
