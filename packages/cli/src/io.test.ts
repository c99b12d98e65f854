import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { guardClosedPipe } from './io.js';

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('guardClosedPipe', () => {
  it('lets a reader close the pipe early without a crash', () => {
    const out = new PassThrough();
    guardClosedPipe(out);
    expect(() => out.emit('error', failure('EPIPE'))).not.toThrow();
    expect(() => out.emit('error', failure('ERR_STREAM_DESTROYED'))).not.toThrow();
  });

  it('still crashes on any other stream error', () => {
    const out = new PassThrough();
    guardClosedPipe(out);
    expect(() => out.emit('error', failure('EIO'))).toThrow('EIO');
  });

  it('adds its listener once however often the process streams are taken', () => {
    const out = new PassThrough();
    guardClosedPipe(out);
    guardClosedPipe(out);
    expect(out.listenerCount('error')).toBe(1);
  });
});
