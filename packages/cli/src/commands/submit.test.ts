import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealServer, startRealServer } from '../testing/real-server.js';

const APP = 'qinghe-books';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('书架'),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('借阅记录')]);
// RIFF <size> WEBP: sent only in the refusals below, so it must never reach the server.
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.from('夜间')]);

let server: RealServer;
let dir: string;
beforeAll(async () => {
  server = await startRealServer();
  dir = await mkdtemp(join(tmpdir(), 'minirelease-submit-'));
  await writeFile(join(dir, 'shelf.png'), PNG);
  await writeFile(join(dir, 'loans.jpg'), JPEG);
  await writeFile(join(dir, 'night.webp'), WEBP);
  await writeFile(join(dir, 'notes.png'), 'not an image at all');
  await writeFile(join(dir, 'huge.png'), Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const at = (version: string) => ['--app', APP, '--version', version];
const sha256 = async (bytes: Buffer) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');

let minor = 0;

describe('submit --screenshot against a real server', () => {
  it('uploads each image first and submits their sha256s; review show --save-materials gets them back', async () => {
    await server.uploadedVersion('1.0.0');
    const shots = ['--screenshot', join(dir, 'shelf.png'), '--screenshot', join(dir, 'loans.jpg')];
    const submitted = await server.cli(['submit', ...at('1.0.0'), '--test-account', 'demo', ...shots]);
    expect(submitted.code).toBe(0);
    expect(submitted.io.stdoutText()).toBe('submitted qinghe-books 1.0.0 AUDITING\n');
    const hashes = [await sha256(PNG), await sha256(JPEG)];

    const saveTo = join(dir, 'review');
    const shown = await server.cli(['review', 'show', ...at('1.0.0'), '--save-materials', saveTo, '--json']);
    expect(shown.code).toBe(0);
    expect(shown.io.stdoutJson()).toMatchObject({ materials: { testAccount: 'demo', screenshots: hashes } });
    expect((await readdir(saveTo)).sort()).toEqual([`${hashes[0]}.png`, `${hashes[1]}.jpg`].sort());
    expect(await readFile(join(saveTo, `${hashes[0]}.png`))).toEqual(PNG);
    expect(await readFile(join(saveTo, `${hashes[1]}.jpg`))).toEqual(JPEG);

    const human = await server.cli(['review', 'show', ...at('1.0.0'), '--save-materials', saveTo]);
    expect(human.io.stdoutText()).toContain(`screenshot ${hashes[0]} → ${join(saveTo, `${hashes[0]}.png`)}`);
  });

  it.each([
    ['a missing file', 'nope.png', 'PATH_NOT_FOUND', 1],
    ['a file that is no PNG, JPEG or WebP', 'notes.png', 'UNSUPPORTED_MEDIA_TYPE', 1],
    ['an image over 2 MB', 'huge.png', 'BODY_TOO_LARGE', 1],
  ])('refuses %s before anything is uploaded or submitted', async (_, file, code, exit) => {
    const version = `1.${++minor}.0`;
    await server.uploadedVersion(version);
    const shots = ['--screenshot', join(dir, 'night.webp'), '--screenshot', join(dir, file)];
    const run = await server.cli(['submit', ...at(version), ...shots, '--json']);
    expect(run.code).toBe(exit);
    expect(JSON.parse(run.io.stderrText())).toMatchObject({ error: { code } });
    expect((await server.client.getVersion(APP, version)).status).toBe('INIT');
    // The good image before the bad one was not uploaded either.
    await expect(server.client.material(APP, await sha256(WEBP))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses more than 5 screenshots as a usage error (exit 2)', async () => {
    const shots = Array.from({ length: 6 }, () => ['--screenshot', join(dir, 'shelf.png')]).flat();
    const run = await server.cli(['submit', ...at('1.0.0'), ...shots]);
    expect(run.code).toBe(2);
    expect(run.io.stderrText()).toContain('USAGE: at most 5 screenshots, got 6');
  });
});
