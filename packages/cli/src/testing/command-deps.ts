import { MiniReleaseClient } from '@minirelease/sdk';
import type { Deps } from '../context.js';
import { createOutput } from '../output.js';
import { type CapturedIo, captureIo } from './capture-io.js';

/** A command's deps against a server at `url`, with captured output. */
export function commandDeps(url: string, options: { json?: boolean; env?: CapturedIo['env'] } = {}) {
  const io = captureIo({ env: options.env ?? {} });
  const deps: Deps = {
    client: new MiniReleaseClient({ baseUrl: url, token: 'test-token' }),
    out: createOutput(io, options.json ?? false),
  };
  return { io, deps };
}
