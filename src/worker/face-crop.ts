/**
 * Face crop on the CPU: a square around the detection, rotated upright by the eye line, resampled
 * to FER2013's 48×48 grey. Pure functions over RGBA pixels, so Node tests cover them.
 */
import type { FaceQuality } from '../shared/protocol.js';
import type { RawDetection } from './blazeface-decode.js';

export const CROP_SIZE = 48;

export interface Pixels {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/** A square in frame pixels, rotated by `angle` radians about its centre. */
export interface CropGeometry {
  cx: number;
  cy: number;
  size: number;
  angle: number;
  /** The head roll measured from the eyes, whether or not the crop was turned by it. */
  roll: number;
}

/**
 * Rolls smaller than this stay unrotated: FER2013's crops are not levelled either, and turning
 * them by the eye keypoints' jitter cost 2–4 points of accuracy on composed FER scenes.
 */
export const MIN_ROTATED_ROLL = (10 * Math.PI) / 180;

/**
 * How FER2013's crops relate to BlazeFace's box: side = `margin` × box side, and the centre moves
 * down by `shiftY` × side. Fitted on composed FER2013 scenes (docs/inference.md).
 */
export interface CropCalibration {
  margin: number;
  shiftY: number;
}

export const FER_CALIBRATION: CropCalibration = { margin: 1.2, shiftY: -0.08 };

/** Roll of the eye line in radians; 0 for an upright face, positive when the head tilts clockwise. */
export function eyeRoll(keypoints: readonly number[]): number {
  const [rx = 0, ry = 0, lx = 0, ly = 0] = keypoints;
  return Math.atan2(ly - ry, lx - rx);
}

export function cropGeometry(d: RawDetection, calibration: CropCalibration = FER_CALIBRATION): CropGeometry {
  const roll = d.keypoints.length >= 4 ? eyeRoll(d.keypoints) : 0;
  const angle = Math.abs(roll) >= MIN_ROTATED_ROLL ? roll : 0;
  const size = Math.max(d.width, d.height) * calibration.margin;
  const shift = calibration.shiftY * size;
  return {
    cx: d.x + d.width / 2 - Math.sin(angle) * shift,
    cy: d.y + d.height / 2 + Math.cos(angle) * shift,
    size,
    angle,
    roll,
  };
}

/** ITU-R BT.601 luma, the usual RGB→grey for photographs like FER2013's. */
export function luma(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

function greyAt(p: Pixels, x: number, y: number): number {
  const xi = Math.min(p.width - 1, Math.max(0, x));
  const yi = Math.min(p.height - 1, Math.max(0, y));
  const i = (yi * p.width + xi) * 4;
  return luma(p.data[i] ?? 0, p.data[i + 1] ?? 0, p.data[i + 2] ?? 0);
}

/** Bilinear grey sample at a continuous position (pixel centres at integer + 0.5), edges clamped. */
export function sampleGrey(p: Pixels, x: number, y: number): number {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const tx = fx - x0;
  const ty = fy - y0;
  const top = greyAt(p, x0, y0) * (1 - tx) + greyAt(p, x0 + 1, y0) * tx;
  const bottom = greyAt(p, x0, y0 + 1) * (1 - tx) + greyAt(p, x0 + 1, y0 + 1) * tx;
  return top * (1 - ty) + bottom * ty;
}

/**
 * Resamples the rotated square to `out`×`out` grey levels (0..255). Large faces are supersampled
 * (up to 3×3 per output pixel) so that shrinking them does not alias.
 */
export function cropGrey(p: Pixels, g: Omit<CropGeometry, 'roll'>, out = CROP_SIZE): Float32Array {
  const result = new Float32Array(out * out);
  const k = Math.min(3, Math.max(1, Math.ceil(g.size / out)));
  const cos = Math.cos(g.angle);
  const sin = Math.sin(g.angle);
  const step = g.size / (out * k);
  for (let v = 0; v < out; v++) {
    for (let u = 0; u < out; u++) {
      let sum = 0;
      for (let sy = 0; sy < k; sy++) {
        const ly = (v * k + sy + 0.5) * step - g.size / 2;
        for (let sx = 0; sx < k; sx++) {
          const lx = (u * k + sx + 0.5) * step - g.size / 2;
          sum += sampleGrey(p, g.cx + cos * lx - sin * ly, g.cy + sin * lx + cos * ly);
        }
      }
      result[v * out + u] = sum / (k * k);
    }
  }
  return result;
}

/** p·scale + offset, as `metadata.json` prescribes for the model input. */
export function normalise(grey: Float32Array, scale: number, offset: number): Float32Array {
  return grey.map((p) => p * scale + offset);
}

/** Quality measures of a grey crop (0..255 values, side `out`). */
export function measureQuality(
  grey: Float32Array,
  g: Pick<CropGeometry, 'size' | 'roll'>,
  out = CROP_SIZE,
): FaceQuality {
  let sum = 0;
  for (const p of grey) sum += p;
  const mean = sum / grey.length;
  let variance = 0;
  for (const p of grey) variance += (p - mean) ** 2;
  variance /= grey.length;
  const laplacian: number[] = [];
  for (let y = 1; y < out - 1; y++) {
    for (let x = 1; x < out - 1; x++) {
      const at = (dx: number, dy: number): number => (grey[(y + dy) * out + x + dx] ?? 0) / 255;
      laplacian.push(at(-1, 0) + at(1, 0) + at(0, -1) + at(0, 1) - 4 * at(0, 0));
    }
  }
  const lapMean = laplacian.reduce((a, b) => a + b, 0) / laplacian.length;
  const lapVar = laplacian.reduce((a, b) => a + (b - lapMean) ** 2, 0) / laplacian.length;
  return {
    sizePx: g.size,
    brightness: mean / 255,
    contrast: Math.sqrt(variance) / 255,
    sharpness: lapVar,
    rollDeg: (g.roll * 180) / Math.PI,
  };
}
