import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { redactUrl } from '@minirelease/resolver';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type MiniReleaseApp } from '../create-app.js';
import { BlobStore } from '../storage/blob-store.js';
import { openDatabase } from '../storage/database.js';

/** Request logs at `info` wrote end-user ids from `/v1/search` URLs (issue 10, defect 11). */
describe('request logs', () => {
  let dir: string;
  let api: MiniReleaseApp | undefined;
  afterEach(async () => {
    await api?.app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (requestLog: boolean) => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-log-'));
    let text = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        text += chunk.toString();
        done();
      },
    });
    api = await createApp({
      database: await openDatabase({ sqlitePath: ':memory:' }),
      blobs: new BlobStore(join(dir, 'blobs')),
      logger: { level: 'info', stream },
      requestLog,
      consoleDir: null,
    });
    for (const url of ['/v1/search?q=books&user=alice-13800138000', '/v1/nope?user=alice-13800138000']) {
      await api.app.inject({ method: 'GET', url });
    }
    return () => text;
  };

  it('writes no line per request at info by default, and no user id at all', async () => {
    const log = await start(false);
    expect(log()).not.toContain('incoming request');
    expect(log()).not.toContain('alice-13800138000');
  });

  it('when asked for, writes each request with its user ids redacted', async () => {
    const log = await start(true);
    expect(log()).toContain('incoming request');
    expect(log()).toContain('/v1/search?q=books&user=redacted');
    expect(log()).not.toContain('alice-13800138000');
  });

  it('redacts user and userId, encoded names too, and leaves other parameters', () => {
    expect(redactUrl('/v1/resolve?app=a&user=%E5%BC%A0%E4%B8%89&channel=gray')).toBe(
      '/v1/resolve?app=a&user=redacted&channel=gray',
    );
    expect(redactUrl('/v1/x?%75ser=bob&userId=carol&users=keep')).toBe(
      '/v1/x?%75ser=redacted&userId=redacted&users=keep',
    );
    expect(redactUrl('/healthz')).toBe('/healthz');
  });
});
