import { isApiError } from '@minirelease/sdk';
import { CommanderError } from 'commander';
import pc from 'picocolors';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';

export type Colors = ReturnType<typeof pc.createColors>;
export type Lang = 'zh' | 'en';

/**
 * How a command speaks. With `--json`, stdout carries only the resource or report as JSON and errors go to
 * stderr as the API's `{ error: { code, message, details } }`; otherwise short, coloured lines.
 */
export interface Output {
  readonly json: boolean;
  /** For findings, which carry both languages. */
  readonly lang: Lang;
  /** Progress bars draw on stderr, and only when it is a terminal. */
  readonly stderr: CliIo['stderr'];
  readonly interactive: boolean;
  /** The command's answer: `value` as JSON with --json, else the human lines. */
  result(value: unknown, human: (c: Colors) => string | string[]): void;
  /** A human-only remark on stderr; nothing with --json, so scripts see a clean stream. */
  note(line: string | ((c: Colors) => string)): void;
  error(err: unknown): void;
}

export function createOutput(io: CliIo, json: boolean, lang?: Lang): Output {
  const env = io.env;
  const colorOn = (stream: { isTTY?: boolean }) =>
    env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0'
      ? true
      : stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  const out = pc.createColors(colorOn(io.stdout));
  const err = pc.createColors(colorOn(io.stderr));
  const write = (stream: NodeJS.WritableStream, lines: string | string[]) => {
    for (const line of Array.isArray(lines) ? lines : [lines]) stream.write(`${line}\n`);
  };
  return {
    json,
    lang: lang ?? (/^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh' : 'en'),
    stderr: io.stderr,
    interactive: !json && io.stderr.isTTY === true,
    result(value, human) {
      if (json) io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else write(io.stdout, human(out));
    },
    note(line) {
      if (!json) write(io.stderr, typeof line === 'function' ? line(err) : line);
    },
    error(e) {
      const body = errorBody(e);
      if (json) io.stderr.write(`${JSON.stringify(body)}\n`);
      else write(io.stderr, `${err.red(err.bold('error'))} ${body.error.code}: ${body.error.message}`);
    },
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** Every failure in the API's error shape, so `--json` consumers parse one format. */
export function errorBody(e: unknown): ErrorBody {
  if (isApiError(e)) return e.toJSON();
  if (e instanceof CliError) {
    return { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
  }
  if (e instanceof CommanderError)
    return { error: { code: 'USAGE', message: e.message.replace(/^error: /, '') } };
  return { error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
}

/** 1 for a refusal or failure, 2 for usage, 0 for commander's help and version answers. */
export function exitCodeOf(e: unknown): number {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  return 1;
}
