import jsQRModule from 'jsqr';
import type { Locator } from 'playwright-core';

// A CommonJS bundle whose types declare an ES default export: under NodeNext the import is the module object.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

/**
 * What a QR code drawn on a canvas holds, read back from its pixels as a phone's camera would: so a test
 * checks the code itself, not the value the page passed to the component.
 */
/** The little of a canvas this reads: this file is type-checked without the DOM library. */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  };
}

export async function readQrCode(canvas: Locator): Promise<string | null> {
  const { width, height, pixels } = await canvas.evaluate((c: Canvas) => ({
    width: c.width,
    height: c.height,
    pixels: Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data),
  }));
  // Over white, as the page shows it: a transparent pixel is white to a camera, not the black its RGB says.
  const rgba = Uint8ClampedArray.from(pixels);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]! / 255;
    for (let k = 0; k < 3; k++) rgba[i + k] = rgba[i + k]! * a + 255 * (1 - a);
    rgba[i + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
