/** Where a run of the CLI reads and writes: the process by default, captured streams in tests. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  /** Replaces the global fetch, for tests. */
  fetch?: typeof fetch;
}

export function processIo(): CliIo {
  guardClosedPipe(process.stdout);
  guardClosedPipe(process.stderr);
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

const guarded = new WeakSet<NodeJS.EventEmitter>();
const CLOSED_PIPE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

/**
 * A reader that stops early (`minirelease log | head`) closes the pipe: that is the reader's choice, not a
 * fault of the command, which runs to its end and exits with its own code. Without a listener Node turns the
 * EPIPE into an uncaught exception with a stack trace. Any other stream error is still a crash.
 */
export function guardClosedPipe(stream: NodeJS.EventEmitter): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (!CLOSED_PIPE.has(err.code ?? '')) throw err;
  });
}
