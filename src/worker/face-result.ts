/** A face's crop and reading, as the worker reports it. */
import { EMOTION_LABELS } from '../shared/emotions.js';
import type { FaceKeypoints, FaceQuality, FaceResult, Point } from '../shared/protocol.js';
import { appearanceSignature, frameChange } from './appearance.js';
import type { RawDetection } from './blazeface-decode.js';
import type { CropGeometry, Pixels } from './face-crop.js';

export interface Crop {
  detection: RawDetection;
  geometry: CropGeometry;
  grey: Float32Array;
  input: Float32Array;
  quality: FaceQuality;
}

function keypoints(k: readonly number[]): FaceKeypoints {
  const p = (i: number): Point => ({ x: k[2 * i] ?? 0, y: k[2 * i + 1] ?? 0 });
  return { rightEye: p(0), leftEye: p(1), nose: p(2), mouth: p(3), rightEar: p(4), leftEar: p(5) };
}

function argmax(values: readonly number[]): number {
  return values.reduce((best, v, i) => (v > (values[best] ?? -Infinity) ? i : best), 0);
}

/** Each crop with its probabilities; `previous` is the frame before, when of the same size. */
export function faceResults(
  crops: readonly Crop[],
  probabilities: readonly number[][],
  pixels: Pixels,
  previous: Pixels | null,
  cropWidth: number,
): FaceResult[] {
  return crops.map(({ detection: d, geometry, grey, quality }, i) => {
    const p = probabilities[i] ?? [];
    const box = { x: d.x, y: d.y, width: d.width, height: d.height };
    return {
      box,
      keypoints: keypoints(d.keypoints),
      score: d.score,
      probabilities: p,
      top: EMOTION_LABELS[argmax(p)] ?? 'neutral',
      quality,
      signature: appearanceSignature(pixels, box),
      change: frameChange(previous, grey, geometry, cropWidth),
    };
  });
}
