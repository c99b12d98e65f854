import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';

let stub: StubServer;
afterEach(() => stub.close());

async function run(args: string[], status: string) {
  stub = await startStubServer(() => json(200, { appId: 'qinghe-books', version: '1.0.0', status }));
  const io = captureIo({
    env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 't', XDG_CONFIG_HOME: '/nonexistent' },
  });
  const code = await main(['node', 'minirelease', ...args], io);
  return { code, io };
}

describe('review', () => {
  it('approves with an empty reason list and comment', async () => {
    const { code, io } = await run(
      ['review', 'approve', '--app', 'qinghe-books', '--version', '1.0.0'],
      'WAIT_RELEASE',
    );
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({
      path: '/v1/apps/qinghe-books/versions/1.0.0/review',
      json: { decision: 'approve', reasons: [], comment: '' },
    });
    expect(io.stdoutText()).toBe('approved qinghe-books 1.0.0 WAIT_RELEASE\n');
  });

  it('rejects with every --reason and the comment', async () => {
    const args = ['review', 'reject', '--app', 'qinghe-books', '--version', '1.0.0'];
    const { code } = await run(
      [...args, '--reason', 'NAME_TOO_GENERIC', '--reason', 'FIRST_SCREEN_AUTH', '--comment', '请修改名称'],
      'AUDIT_REJECT',
    );
    expect(code).toBe(0);
    expect(stub.last().json).toEqual({
      decision: 'reject',
      reasons: ['NAME_TOO_GENERIC', 'FIRST_SCREEN_AUTH'],
      comment: '请修改名称',
    });
  });
});

describe('review reasons', () => {
  it('lists each code with where it comes from and its label in the chosen language', async () => {
    stub = await startStubServer(() =>
      json(200, {
        reasons: [
          {
            code: 'NAME_TOO_GENERIC',
            source: 'checker',
            label: { zh: '名称过于宽泛', en: 'Too generic' },
            hint: { zh: '', en: '' },
          },
          {
            code: 'REVIEW_MAIN_FLOW_ERROR',
            source: 'reviewer',
            label: { zh: '主流程报错或无法使用', en: 'Main flow fails' },
            hint: { zh: '', en: '' },
          },
        ],
      }),
    );
    const io = captureIo({
      env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 't', XDG_CONFIG_HOME: '/nonexistent' },
    });
    expect(await main(['node', 'minirelease', '--lang', 'zh', 'review', 'reasons'], io)).toBe(0);
    expect(stub.last()).toMatchObject({ method: 'GET', path: '/v1/review-reasons' });
    const lines = io.stdoutText().split('\n');
    expect(lines[1]).toMatch(/^NAME_TOO_GENERIC\s+checker\s+名称过于宽泛$/);
    expect(lines[2]).toMatch(/^REVIEW_MAIN_FLOW_ERROR\s+reviewer\s+主流程报错或无法使用$/);
  });
});

describe('submit', () => {
  it('sends the materials given, and only those; a sha256 names a screenshot uploaded before', async () => {
    const args = ['submit', '--app', 'qinghe-books', '--version', '1.0.0', '--test-account', 'demo'];
    const { code, io } = await run(
      [...args, '--test-password', 'pw', '--screenshot', 'a1'.repeat(32), '--screenshot', 'b2'.repeat(32)],
      'AUDITING',
    );
    expect(code).toBe(0);
    expect(stub.last().json).toEqual({
      testAccount: 'demo',
      testPassword: 'pw',
      screenshots: ['a1'.repeat(32), 'b2'.repeat(32)],
    });
    expect(io.stdoutText()).toBe('submitted qinghe-books 1.0.0 AUDITING\n');
  });

  it('sends an empty body of materials when none are given', async () => {
    await run(['submit', '--app', 'qinghe-books', '--version', '1.0.0'], 'AUDITING');
    expect(stub.last().json).toEqual({});
  });
});

describe('cancel-review, cancel-gray, publish', () => {
  it.each([
    ['cancel-review', 'INIT', 'review cancelled qinghe-books 1.0.0 INIT'],
    ['cancel-gray', 'WAIT_RELEASE', 'gray cancelled qinghe-books 1.0.0 WAIT_RELEASE'],
    ['publish', 'RELEASE', 'published qinghe-books 1.0.0 RELEASE'],
  ])('%s posts to its route', async (command, status, line) => {
    const { code, io } = await run([command, '--app', 'qinghe-books', '--version', '1.0.0'], status);
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({
      method: 'POST',
      path: `/v1/apps/qinghe-books/versions/1.0.0/${command}`,
    });
    expect(io.stdoutText()).toBe(`${line}\n`);
  });
});
