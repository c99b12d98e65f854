/**
 * A real `minirelease start` on a temp data dir and the CLI binary run as processes, for the e2e tests. Needs
 * the build (`npm run build`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = join(root, 'packages/cli/bin/minirelease.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningPlatform {
  url: string;
  tmp: string;
  env: NodeJS.ProcessEnv;
  /** Runs the CLI with `--json` and this platform's server and admin token. */
  cli(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  stop(): Promise<void>;
}

/** A child's whole output and exit code, once it closes. */
export function collect(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Waits for `start` to print its API line (colour codes stripped), failing with its output if it exits. */
export function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no API URL within ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ESC of ANSI colour codes
      const match = /API\s+(http:\/\/\S+)/.exec(seen.replace(/\u001b\[[0-9;]*m/g, ''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.on('exit', (code) =>
      reject(new Error(`start exited with ${code} before printing its URL:\n${seen}`)),
    );
  });
}

export async function startPlatform(): Promise<RunningPlatform> {
  if (!existsSync(join(root, 'packages/cli/dist/main.js'))) throw new Error('build first: npm run build');
  const tmp = await mkdtemp(join(tmpdir(), 'minirelease-e2e-'));
  const dataDir = join(tmp, 'data');
  const base: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(tmp, 'config'), NO_COLOR: '1' };
  delete base.FORCE_COLOR;
  delete base.MINIRELEASE_SERVER;
  delete base.MINIRELEASE_TOKEN;
  const port = await freePort();
  const server = spawn(process.execPath, [bin, 'start', '--port', String(port), '--data-dir', dataDir], {
    cwd: root,
    env: base,
  });
  const url = await waitForUrl(server, 30_000);
  const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
  const env = { ...base, MINIRELEASE_SERVER: url, MINIRELEASE_TOKEN: token };
  return {
    url,
    tmp,
    env,
    cli: (args, extra = {}) =>
      collect(spawn(process.execPath, [bin, ...args, '--json'], { cwd: root, env: { ...env, ...extra } })),
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGKILL');
        await exited;
      }
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
