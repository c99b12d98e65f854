import { ApiError } from '@minirelease/sdk';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError, usageError } from './cli-error.js';
import { createOutput, errorBody, exitCodeOf } from './output.js';
import { captureIo } from './testing/capture-io.js';

const refused = new ApiError(409, 'GRAY_PERCENTAGE_NOT_INCREASING', 'gray must grow: 30 % → 20 %', {
  from: 30,
});

describe('createOutput with --json', () => {
  it('puts only the resource on stdout, as JSON', () => {
    const io = captureIo();
    const out = createOutput(io, true);
    out.note('uploading…');
    out.result({ appId: 'qinghe-books' }, () => 'human text');
    expect(io.stdoutJson()).toEqual({ appId: 'qinghe-books' });
    expect(io.stderrText()).toBe('');
  });

  it('prints errors as the API error body on stderr', () => {
    const io = captureIo();
    createOutput(io, true).error(refused);
    expect(JSON.parse(io.stderrText())).toEqual({
      error: {
        code: 'GRAY_PERCENTAGE_NOT_INCREASING',
        message: 'gray must grow: 30 % → 20 %',
        details: { from: 30 },
      },
    });
    expect(io.stdoutText()).toBe('');
  });
});

describe('createOutput for people', () => {
  it('prints the human lines, without colour when stdout is no terminal', () => {
    const io = captureIo();
    createOutput(io, false).result({}, (c) => [c.green('published'), 'line 2']);
    expect(io.stdoutText()).toBe('published\nline 2\n');
  });

  it('colours when forced', () => {
    const io = captureIo({ env: { FORCE_COLOR: '1' } });
    createOutput(io, false).result({}, (c) => c.green('ok'));
    expect(io.stdoutText()).toBe('\u001b[32mok\u001b[39m\n');
  });

  it('prints errors as `error CODE: message` on stderr', () => {
    const io = captureIo();
    createOutput(io, false).error(refused);
    expect(io.stderrText()).toBe('error GRAY_PERCENTAGE_NOT_INCREASING: gray must grow: 30 % → 20 %\n');
  });

  it('notes go to stderr, keeping stdout for the answer', () => {
    const io = captureIo();
    createOutput(io, false).note('stopping…');
    expect(io.stderrText()).toBe('stopping…\n');
  });

  it('picks Chinese findings for a Chinese locale', () => {
    expect(createOutput(captureIo({ env: { LANG: 'zh_CN.UTF-8' } }), false).lang).toBe('zh');
    expect(createOutput(captureIo({ env: { LANG: 'en_US.UTF-8' } }), false).lang).toBe('en');
  });

  it('is interactive only on a terminal and without --json', () => {
    expect(createOutput(captureIo({ tty: true }), false).interactive).toBe(true);
    expect(createOutput(captureIo({ tty: true }), true).interactive).toBe(false);
    expect(createOutput(captureIo(), false).interactive).toBe(false);
  });
});

describe('exit codes and error bodies', () => {
  it('gives 1 for refusals and failures, 2 for usage, 0 for help', () => {
    expect(exitCodeOf(refused)).toBe(1);
    expect(exitCodeOf(new ApiError(0, 'UNREACHABLE', 'down'))).toBe(1);
    expect(exitCodeOf(new CliError('PATH_NOT_FOUND', 'no such folder'))).toBe(1);
    expect(exitCodeOf(usageError('bad'))).toBe(2);
    expect(exitCodeOf(new CommanderError(1, 'commander.missingMandatoryOptionValue', 'error: x'))).toBe(2);
    expect(exitCodeOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0);
    expect(exitCodeOf(new Error('boom'))).toBe(1);
  });

  it('shapes every error like the API', () => {
    expect(errorBody(new CommanderError(1, 'x', "error: unknown option '--nope'"))).toEqual({
      error: { code: 'USAGE', message: "unknown option '--nope'" },
    });
    expect(errorBody(new Error('boom'))).toEqual({ error: { code: 'INTERNAL', message: 'boom' } });
  });
});
