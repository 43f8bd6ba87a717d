/** Turns a transferred frame into RGBA pixels, reusing one canvas. */
import type { Pixels } from './face-crop.js';

export class FrameDecoder {
  private context: OffscreenCanvasRenderingContext2D | null = null;

  decode(frame: ImageBitmap | VideoFrame): Pixels {
    const width = 'displayWidth' in frame ? frame.displayWidth : frame.width;
    const height = 'displayHeight' in frame ? frame.displayHeight : frame.height;
    if (width === 0 || height === 0) throw new RangeError('empty frame');
    const ctx = this.canvas(width, height);
    ctx.drawImage(frame, 0, 0, width, height);
    const { data } = ctx.getImageData(0, 0, width, height);
    return { data, width, height };
  }

  private canvas(width: number, height: number): OffscreenCanvasRenderingContext2D {
    if (this.context === null) {
      const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
      if (ctx === null) throw new Error('no 2D context for OffscreenCanvas');
      this.context = ctx;
    }
    const { canvas } = this.context;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    return this.context;
  }
}

/** A deterministic textured frame for warm-ups: smooth gradients plus hashed noise. */
export function syntheticFrame(width = 640, height = 480): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const noise = ((x * 73856093) ^ (y * 19349663)) & 63;
      data[i] = (x * 255) / width + noise;
      data[i + 1] = (y * 255) / height + noise;
      data[i + 2] = 128 + noise;
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}
