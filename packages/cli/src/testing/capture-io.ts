import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../io.js';

export interface CapturedIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
  /** stdout parsed as the one JSON document `--json` prints. */
  stdoutJson<T = unknown>(): T;
}

/** IO for tests: streams that record what was written, a fixed env, and optional stdin text. */
export function captureIo(options: { env?: CliIo['env']; stdin?: string; tty?: boolean } = {}): CapturedIo {
  const sink = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { stream: Object.assign(stream, { isTTY: options.tty ?? false }), text: () => chunks.join('') };
  };
  const stdout = sink();
  const stderr = sink();
  const stdin = Object.assign(Readable.from(options.stdin === undefined ? [] : [options.stdin]), {
    isTTY: options.tty ?? false,
  });
  return {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin,
    env: options.env ?? {},
    stdoutText: stdout.text,
    stderrText: stderr.text,
    stdoutJson: <T>() => JSON.parse(stdout.text()) as T,
  };
}
