/**
 * The part of a square region that lies inside the frame, and where it lands on the output square.
 * WebKit's `drawImage` draws nothing at all when its source rectangle reaches outside the image
 * (Chromium clips it, as the canvas spec says), so regions at the frame's edges are clipped here.
 */
import type { Region } from './blazeface-decode.js';

export interface DrawRects {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  dx: number;
  dy: number;
  dw: number;
  dh: number;
}

/** `null` when the region lies wholly outside a `width`×`height` frame. */
export function clipRegion(region: Region, width: number, height: number, size: number): DrawRects | null {
  const scale = size / region.size;
  const x0 = Math.max(region.x, 0);
  const y0 = Math.max(region.y, 0);
  const x1 = Math.min(region.x + region.size, width);
  const y1 = Math.min(region.y + region.size, height);
  if (x1 <= x0 || y1 <= y0) return null;
  return {
    sx: x0,
    sy: y0,
    sw: x1 - x0,
    sh: y1 - y0,
    dx: (x0 - region.x) * scale,
    dy: (y0 - region.y) * scale,
    dw: (x1 - x0) * scale,
    dh: (y1 - y0) * scale,
  };
}
