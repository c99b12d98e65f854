import { isVendored } from '../script/script-index.js';
import type { SourceLocation } from './launch-types.js';

/** `    at fn (pages/index/index.js:12:5)` or `    at pages/index/index.js:12:5`. */
const FRAME = /^\s*at (?:.*\()?(.+?):(\d+):\d+\)?$/;

/**
 * The first frame of a V8 stack that is the app's own code, else the first in a vendored library
 * (`node_modules/`, `miniprogram_npm/`): where the author's code threw, or called into the library that
 * threw. The sandbox compiles every script with its package path as filename and keeps its lines; the
 * runtime's own frames (`minirelease:runtime`) and Node's are skipped.
 */
export function packageFrame(
  stack: string,
  isPackageFile: (path: string) => boolean,
): SourceLocation | undefined {
  let vendored: SourceLocation | undefined;
  // The first line is the message; frames follow.
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line);
    if (match === null || !isPackageFile(match[1]!)) continue;
    const location = { file: match[1]!, line: Number(match[2]) };
    if (!isVendored(location.file)) return location;
    vendored ??= location;
  }
  return vendored;
}
