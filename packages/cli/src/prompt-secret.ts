import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { usageError } from './cli-error.js';
import type { CliIo } from './io.js';

/**
 * Reads a secret from stdin, so it stays out of shell history and `ps`. At a terminal the prompt goes to
 * stderr and typing is not echoed; from a pipe (`echo $T | minirelease login`) the first line is read.
 */
export async function promptSecret(io: CliIo, prompt: string): Promise<string> {
  const terminal = io.stdin.isTTY === true;
  if (terminal) io.stderr.write(prompt);
  // Echo goes to a sink: readline would otherwise print every key typed.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: io.stdin, output: sink, terminal });
  try {
    const line = await new Promise<string | undefined>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(undefined));
    });
    if (terminal) io.stderr.write('\n');
    const secret = line?.trim();
    if (!secret)
      throw usageError('no token given: pass --token, set MINIRELEASE_TOKEN, or type it when asked');
    return secret;
  } finally {
    rl.close();
  }
}
