/**
 * Square regions of a frame, resampled to the detector's input size as RGBA. In the worker the
 * browser's 2D canvas does the resampling straight from the transferred frame; the pure-JS source
 * serves Node tests and frames that are already pixels.
 */
import type { Region } from './blazeface-decode.js';
import { clipRegion } from './clip-region.js';
import type { Pixels } from './face-crop.js';

export interface RegionSource {
  readonly width: number;
  readonly height: number;
  /** RGBA pixels of `region` at `size`×`size`; parts outside the frame are black. */
  read(region: Region, size: number): Pixels;
  /** A copy of the frame that another worker can take, where the frame is a browser image. */
  copy?(): Promise<ImageBitmap | VideoFrame>;
}

/** Bilinear resampling of in-memory pixels, sampling at pixel centres. */
export function pixelRegionSource(p: Pixels): RegionSource {
  const channel = (x: number, y: number, c: number): number =>
    x < 0 || y < 0 || x >= p.width || y >= p.height ? 0 : (p.data[(y * p.width + x) * 4 + c] ?? 0);
  return {
    width: p.width,
    height: p.height,
    read(region, size) {
      const out = new Uint8ClampedArray(size * size * 4);
      const step = region.size / size;
      for (let v = 0; v < size; v++) {
        const fy = region.y + (v + 0.5) * step - 0.5;
        const y0 = Math.floor(fy);
        const ty = fy - y0;
        for (let u = 0; u < size; u++) {
          const fx = region.x + (u + 0.5) * step - 0.5;
          const x0 = Math.floor(fx);
          const tx = fx - x0;
          const o = (v * size + u) * 4;
          for (let c = 0; c < 3; c++) {
            const top = channel(x0, y0, c) * (1 - tx) + channel(x0 + 1, y0, c) * tx;
            const bottom = channel(x0, y0 + 1, c) * (1 - tx) + channel(x0 + 1, y0 + 1, c) * tx;
            out[o + c] = top * (1 - ty) + bottom * ty;
          }
          out[o + 3] = 255;
        }
      }
      return { data: out, width: size, height: size };
    },
  };
}

/** Draws regions of a frame onto one reused canvas. */
export class CanvasRegionSource implements RegionSource {
  private context: OffscreenCanvasRenderingContext2D | null = null;
  private frame: ImageBitmap | VideoFrame | null = null;
  width = 0;
  height = 0;

  /** Points the source at `frame` until the next call; the caller still owns and closes it. */
  use(frame: ImageBitmap | VideoFrame, width: number, height: number): this {
    this.frame = frame;
    this.width = width;
    this.height = height;
    return this;
  }

  copy(): Promise<ImageBitmap | VideoFrame> {
    const frame = this.frame;
    if (frame === null) return Promise.reject(new Error('no frame'));
    return 'clone' in frame ? Promise.resolve(frame.clone()) : createImageBitmap(frame);
  }

  read(region: Region, size: number): Pixels {
    const ctx = this.canvas(size);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, size, size);
    const r = this.frame === null ? null : clipRegion(region, this.width, this.height, size);
    if (this.frame !== null && r !== null) ctx.drawImage(this.frame, r.sx, r.sy, r.sw, r.sh, r.dx, r.dy, r.dw, r.dh);
    return { data: ctx.getImageData(0, 0, size, size).data, width: size, height: size };
  }

  private canvas(size: number): OffscreenCanvasRenderingContext2D {
    if (this.context === null || this.context.canvas.width !== size) {
      const ctx = new OffscreenCanvas(size, size).getContext('2d', { willReadFrequently: true });
      if (ctx === null) throw new Error('no 2D context for OffscreenCanvas');
      ctx.imageSmoothingQuality = 'medium';
      this.context = ctx;
    }
    return this.context;
  }
}
