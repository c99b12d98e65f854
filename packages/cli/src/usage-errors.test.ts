import { json, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './testing/capture-io.js';

/**
 * Exit codes (DESIGN §6): 2 for every usage error, whatever the command; 1 for a refusal. The stub answers
 * every request with a refusal, so a usage error that slipped through to the server would exit 1 and fail.
 */
let stub: StubServer;
beforeAll(async () => {
  stub = await startStubServer(() =>
    json(409, { error: { code: 'INVALID_STATUS', message: 'cannot do that now' } }),
  );
});
afterAll(() => stub.close());

async function exitOf(args: string[]) {
  const io = captureIo({
    env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 't', XDG_CONFIG_HOME: '/nonexistent' },
  });
  const code = await main(['node', 'minirelease', ...args], io);
  return { code, stderr: io.stderrText() };
}

const atV = ['--app', 'a', '--version', '1.0.0'];
/** A whole, valid plan; a case overrides one flag after it (commander keeps the last value). */
const plan = ['--plan', '1,5,100', '--soak', '30m', '--min-launches', '500'];

const USAGE_ERRORS: [string, string[]][] = [
  ['an unknown command', ['deploy']],
  ['an unknown subcommand', ['version', 'purge', ...atV]],
  ['an unknown flag', ['publish', ...atV, '--force']],
  ['an unknown global flag', ['--verbose', 'whoami']],
  ['a missing required option', ['publish', '--app', 'a']],
  ['a missing argument', ['upload', ...atV, '--description', 'x']],
  ['an upload without --description (and no --dry-run)', ['upload', '.', ...atV]],
  ['an extra argument', ['publish', 'extra', ...atV]],
  ['a flag without its value', ['status', '--app']],
  ['a bad --lang', ['--lang', 'fr', 'whoami']],
  ['a bad --limit', ['app', 'list', '--limit', 'ten']],
  ['a --limit out of range', ['version', 'list', '--app', 'a', '--limit', '0']],
  ['a bad gray percentage', ['gray', ...atV, '--percentage', '15']],
  ['a bad review decision', ['review', 'maybe', ...atV]],
  ['a bad role', ['app', 'member', '--app', 'a', '--principal', 'p', '--role', 'god']],
  [
    'a date that does not exist',
    ['app', 'qualification', 'add', '--app', 'a', '--type', 't', '--number', 'n', '--expires', '2026-02-30'],
  ],
  ['a bad --expires', ['token', 'create', '--principal', 'p', '--expires', 'soon']],
  ['app edit with nothing to change', ['app', 'edit', '--app', 'a']],
  ['app member with neither --role nor --remove', ['app', 'member', '--app', 'a', '--principal', 'p']],
  ['a bad --version value', ['publish', '--app', 'a', '--version', 'latest']],
  ['gray with neither --percent nor --plan', ['gray', ...atV]],
  ['gray with both --percent and --plan', ['gray', ...atV, '--percent', '5', ...plan]],
  ['a plan flag without --plan', ['gray', ...atV, '--percent', '5', '--soak', '30m']],
  ['gray --plan without --soak', ['gray', ...atV, '--plan', '1,5', '--min-launches', '1']],
  ['gray --plan without --min-launches', ['gray', ...atV, '--plan', '1,5', '--soak', '30m']],
  ['plan steps that narrow', ['gray', ...atV, ...plan, '--plan', '5,1']],
  ['a plan step out of range', ['gray', ...atV, ...plan, '--plan', '1,150']],
  ['a soak of part of a minute', ['gray', ...atV, ...plan, '--soak', '90s']],
  ['a soak without its unit', ['gray', ...atV, ...plan, '--soak', '30']],
  ['a bad --min-launches', ['gray', ...atV, ...plan, '--min-launches', '-1']],
  ['a --bad-ratio below 1.25', ['gray', ...atV, ...plan, '--bad-ratio', '1']],
  ['a bad --on-degraded', ['gray', ...atV, ...plan, '--on-degraded', 'explode']],
  ['pause without --version', ['pause', '--app', 'a']],
  ['resume with a bad --version', ['resume', '--app', 'a', '--version', 'v2']],
  ['hostkey create without a name', ['hostkey', 'create']],
  ['hostkey revoke with an extra argument', ['hostkey', 'revoke', 'hk_1', 'hk_2']],
  ['an unknown hostkey subcommand', ['hostkey', 'rotate', 'hk_1']],
];

describe('usage errors exit 2, refusals exit 1', () => {
  it.each(USAGE_ERRORS)('%s exits 2 and asks nothing of the server', async (_, args) => {
    const before = stub.requests.length;
    const { code, stderr } = await exitOf(args);
    expect({ code, stderr: stderr.length > 0 }).toEqual({ code: 2, stderr: true });
    expect(stub.requests.length).toBe(before);
  });

  it.each(USAGE_ERRORS)('%s exits 2 with --json, the error in the API shape', async (_, args) => {
    const io = captureIo({ env: { MINIRELEASE_SERVER: stub.url, XDG_CONFIG_HOME: '/nonexistent' } });
    expect(await main(['node', 'minirelease', ...args, '--json'], io)).toBe(2);
    expect(JSON.parse(io.stderrText().trim().split('\n').at(-1)!)).toMatchObject({
      error: { code: 'USAGE' },
    });
  });

  it.each([
    ['publish', [...['publish'], ...atV]],
    ['version delete', ['version', 'delete', ...atV]],
    ['app edit', ['app', 'edit', '--app', 'a', '--name', 'n']],
    ['gray --plan', ['gray', ...atV, ...plan]],
    ['pause', ['pause', ...atV]],
    ['hostkey revoke', ['hostkey', 'revoke', 'hk_1']],
  ])('a refusal by the server (%s) exits 1', async (_, args) => {
    expect((await exitOf(args)).code).toBe(1);
  });
});
