// Child processes of the bench: spawned from the built CLI, tracked, and always cleaned up.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../packages/cli/bin/minirelease.js', import.meta.url));
const children = new Set();

/** Runs `minirelease …args` as a child process; its stderr is kept for the error message if it dies. */
export function minirelease(name, args) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', MINIRELEASE_TOKEN: '', MINIRELEASE_SERVER: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  child.stdout.on('data', (chunk) => (child.output += chunk));
  child.stderr.on('data', (chunk) => (child.output += chunk));
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!child.stopping) child.died = `${name} exited (${code ?? signal}):\n${child.output.slice(-2000)}`;
  });
  children.add(child);
  return child;
}

/** Stops every child: SIGTERM, then SIGKILL for any still there after 3 s. */
export async function stopAll() {
  const waiting = [...children].map(
    (child) =>
      new Promise((resolve) => {
        child.stopping = true;
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  );
  await Promise.all(waiting);
}

/** A port free on loopback right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Waits until `url` answers 200, failing early if the process behind it died. */
export async function waitFor(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.died) throw new Error(child.died);
    try {
      const res = await fetch(url);
      if (res.status === 200) return res.json();
      await res.body?.cancel();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms:\n${child.output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs a bench's `main`, then its `cleanup` (child processes, temp dirs) — after a failure too (exit code 1),
 * and on Ctrl+C or SIGTERM (exit 130), so no bench leaves servers running or data behind.
 */
export async function runWithCleanup(main, cleanup) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void cleanup().then(() => process.exit(130));
    });
  }
  try {
    await main();
    await cleanup();
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    await cleanup();
    process.exitCode = 1;
  }
}
