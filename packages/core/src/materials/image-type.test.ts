import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageTypeOf } from './image-type.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('imageTypeOf', () => {
  it('tells PNG, JPEG and WebP by their first bytes', () => {
    expect(imageTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(imageTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    const webp = [...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')];
    expect(imageTypeOf(Uint8Array.from(webp))).toBe('image/webp');
  });

  it('refuses HTML, SVG, GIF, a RIFF that is not WebP and truncated magic', () => {
    expect(imageTypeOf(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(imageTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(imageTypeOf(Buffer.from('GIF89a'))).toBeUndefined();
    expect(
      imageTypeOf(Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')])),
    ).toBeUndefined();
    expect(imageTypeOf(bytes(0x89, 0x50, 0x4e))).toBeUndefined();
    expect(imageTypeOf(bytes())).toBeUndefined();
  });

  it('never names a type for bytes that start with "<" (no markup passes as an image)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        expect(imageTypeOf(Uint8Array.from([0x3c, ...tail]))).toBeUndefined();
      }),
    );
  });
});
