import { apiError, json, type StubHandler, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { captureIo } from './testing/capture-io.js';

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** Runs `minirelease …args` against a stub server, with the server and token from the environment. */
async function run(args: string[], handler: StubHandler = () => json(200, {})) {
  stub = await startStubServer(handler);
  const io = captureIo({
    env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 'env-token', XDG_CONFIG_HOME: '/nonexistent' },
  });
  const code = await main(['node', 'minirelease', ...args], io);
  return { code, io, stub };
}

describe('usage errors exit 2 without a request', () => {
  it.each([
    ['a missing required option', ['gray', '--app', 'qinghe-books', '--version', '1.0.0']],
    ['an unknown command', ['deploy']],
    ['an unknown option', ['status', '--app', 'a', '--colour']],
    ['a decision not in the list', ['review', 'maybe', '--app', 'a', '--version', '1.0.0']],
    ['a malformed gray share', ['gray', '--app', 'a', '--version', '1.0.0', '--percent', '12.345']],
    ['a gray share over 100', ['gray', '--app', 'a', '--version', '1.0.0', '--percent', '101']],
    ['a limit that is no number', ['log', '--app', 'a', '--limit', 'ten']],
    ['both --user and --users', ['resolve', '--app', 'a', '--user', 'u', '--users', '3']],
    ['a platform role that does not exist', ['token', 'create', '--principal', 'p', '--role', 'owner']],
    ['a resolver without --upstream', ['serve', '--role', 'resolver']],
    ['a group without its subcommand', ['app']],
  ])('%s', async (_name, args) => {
    const { code, io, stub } = await run(args);
    expect(code).toBe(2);
    expect(io.stderrText()).not.toBe('');
    expect(stub.requests).toHaveLength(0);
  });

  it('with --json, reports a usage error as JSON on stderr and nothing else', async () => {
    const { code, io } = await run(['gray', '--app', 'a', '--version', '1.0.0', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(io.stderrText())).toEqual({
      error: { code: 'USAGE', message: 'give --percent <share>, or --plan <steps> for a plan' },
    });
    expect(io.stdoutText()).toBe('');
  });
});

describe('main', () => {
  it('answers --help and --version with exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.io.stdoutText()).toContain('Usage: minirelease');
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.io.stdoutText()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('takes --version after a command as the version to act on', async () => {
    const { code, stub } = await run(['publish', '--app', 'qinghe-books', '--version', '1.0.0'], () =>
      json(200, { appId: 'qinghe-books', version: '1.0.0', status: 'RELEASE' }),
    );
    expect(code).toBe(0);
    expect(stub.last().path).toBe('/v1/apps/qinghe-books/versions/1.0.0/publish');
  });

  it('sends the token from the environment, and --server/--token win over it', async () => {
    const first = await run(['whoami'], () =>
      json(200, { principal: 'alice', roles: ['admin'], tokenId: 't1' }),
    );
    expect(first.stub.last().headers.authorization).toBe('Bearer env-token');
    const url = first.stub.url;
    const io = captureIo({
      env: { MINIRELEASE_SERVER: 'http://127.0.0.1:9', MINIRELEASE_TOKEN: 'env-token' },
    });
    expect(await main(['node', 'minirelease', 'whoami', '--server', url, '--token', 'flag-token'], io)).toBe(
      0,
    );
    expect(first.stub.last().headers.authorization).toBe('Bearer flag-token');
  });

  it('exits 1 on a refusal, with `error CODE: message` on stderr', async () => {
    const { code, io } = await run(['gray', '--app', 'a', '--version', '1.0.0', '--percent', '20'], () =>
      apiError(409, 'GRAY_PERCENTAGE_NOT_INCREASING', 'gray must grow'),
    );
    expect(code).toBe(1);
    expect(io.stderrText()).toBe('error GRAY_PERCENTAGE_NOT_INCREASING: gray must grow\n');
    expect(io.stdoutText()).toBe('');
  });

  it('with --json, a refusal is the API error body on stderr', async () => {
    const args = ['--json', 'gray', '--app', 'a', '--version', '1.0.0', '--percent', 'p10'];
    const { code, io, stub } = await run(args, () =>
      apiError(409, 'GRAY_PERCENTAGE_NOT_INCREASING', 'must grow'),
    );
    expect(code).toBe(1);
    expect(stub.last().json).toEqual({ percentage: 10 });
    expect(JSON.parse(io.stderrText()).error.code).toBe('GRAY_PERCENTAGE_NOT_INCREASING');
  });

  it('exits 1 when the server cannot be reached', async () => {
    const io = captureIo({
      env: { MINIRELEASE_SERVER: 'http://127.0.0.1:9', XDG_CONFIG_HOME: '/nonexistent' },
    });
    expect(await main(['node', 'minirelease', 'whoami'], io)).toBe(1);
    expect(io.stderrText()).toMatch(/^error UNREACHABLE: cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
