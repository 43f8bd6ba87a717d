/**
 * Two cheap measures for faces in a shared call window, where several people are on screen and a
 * tile may freeze: an appearance signature that tells participants apart when their tiles move,
 * and how much a face's picture changed since the previous frame.
 */
import type { Box } from '../shared/protocol.js';
import { cropGrey, type CropGeometry, type Pixels } from './face-crop.js';

/** Cells per side of the signature grid; each cell gives its mean red, green and blue. */
export const SIGNATURE_GRID = 6;

/**
 * The signature covers this many face-box sides around the face: the hair, clothes and room of
 * each participant differ far more between people than a 48×48 grey face does, and they stay put
 * while the expression changes. It is relative to the box, so a tile that grows keeps its signature.
 */
export const SIGNATURE_CONTEXT = 2;

/** Samples per cell side. */
const CELL_SAMPLES = 4;

function pixelAt(p: Pixels, x: number, y: number, c: number): number {
  const xi = Math.min(p.width - 1, Math.max(0, Math.floor(x)));
  const yi = Math.min(p.height - 1, Math.max(0, Math.floor(y)));
  return p.data[(yi * p.width + xi) * 4 + c] ?? 0;
}

function cellMeans(p: Pixels, left: number, top: number, side: number): number[] {
  const sums = [0, 0, 0];
  for (let j = 0; j < CELL_SAMPLES; j++) {
    for (let i = 0; i < CELL_SAMPLES; i++) {
      const x = left + ((i + 0.5) * side) / CELL_SAMPLES;
      const y = top + ((j + 0.5) * side) / CELL_SAMPLES;
      for (let c = 0; c < 3; c++) sums[c] = (sums[c] ?? 0) + pixelAt(p, x, y, c);
    }
  }
  return sums.map((s) => s / CELL_SAMPLES ** 2);
}

/** Zero mean, unit length (all zeros stays all zeros), rounded to keep the message small. */
export function unitVector(values: readonly number[]): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const centred = values.map((v) => v - mean);
  const norm = Math.sqrt(centred.reduce((a, v) => a + v * v, 0));
  return centred.map((v) => (norm > 0 ? Math.round((v / norm) * 1e4) / 1e4 : 0));
}

/** Mean colours of a grid over the face and its surroundings, as a zero-mean unit vector. */
export function appearanceSignature(p: Pixels, box: Box): number[] {
  const side = Math.max(box.width, box.height) * SIGNATURE_CONTEXT;
  const left = box.x + box.width / 2 - side / 2;
  const top = box.y + box.height / 2 - side / 2;
  const cell = side / SIGNATURE_GRID;
  const values: number[] = [];
  for (let row = 0; row < SIGNATURE_GRID; row++) {
    for (let col = 0; col < SIGNATURE_GRID; col++)
      values.push(...cellMeans(p, left + col * cell, top + row * cell, cell));
  }
  return unitVector(values);
}

/**
 * Mean absolute grey difference (0..1) between the previous frame and this one, over this face's
 * crop square: both crops are cut at the same place, so detector jitter does not count. A frozen
 * tile gives exactly 0; null when there is no previous frame of the same size.
 */
export function frameChange(
  previous: Pixels | null,
  now: Float32Array,
  geometry: CropGeometry,
  out: number,
): number | null {
  if (previous === null) return null;
  const before = cropGrey(previous, geometry, out);
  if (before.length !== now.length) return null;
  let sum = 0;
  for (let i = 0; i < now.length; i++) sum += Math.abs((now[i] ?? 0) - (before[i] ?? 0));
  return sum / now.length / 255;
}
