import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMOTION_LABELS, type EmotionLabel } from '../../src/shared/emotions';
import { loadModel, predictLogits, readMetadata, useBackend } from '../model/load-model';
import { composeScene, ferFace, loadFer2013, type FerSplit } from './scenes';
import { writeY4m } from './y4m';

export const FIXTURES = fileURLToPath(new URL('../.fixtures', import.meta.url));

export interface FaceVideo {
  path: string;
  label: EmotionLabel;
  /** FER2013 val index of the face. */
  index: number;
  /** The model's probability for `label` on the original 48×48 crop. */
  confidence: number;
}

/** Val faces of `label` that ResmoNet classifies correctly, most confident first. */
export async function confidentFaces(split: FerSplit, label: EmotionLabel, limit = 300): Promise<FaceVideo[]> {
  await useBackend('wasm');
  const meta = readMetadata();
  const model = await loadModel();
  const target = EMOTION_LABELS.indexOf(label);
  const candidates = split.faces.filter((i) => split.labels[i] === target).slice(0, limit);
  const pixels = new Uint8Array(candidates.length * 48 * 48);
  candidates.forEach((index, k) => pixels.set(ferFace(split, index), k * 48 * 48));
  const logits = predictLogits(model, pixels, meta);
  model.dispose();
  const found = candidates.map((index, k) => {
    const row = [...logits.subarray(k * 7, k * 7 + 7)].map((v) => v / meta.temperature);
    const max = Math.max(...row);
    const exp = row.map((v) => Math.exp(v - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const top = exp.indexOf(Math.max(...exp));
    return { path: '', label, index, confidence: top === target ? (exp[target] ?? 0) / sum : 0 };
  });
  return found.filter((f) => f.confidence > 0).sort((a, b) => b.confidence - a.confidence);
}

/**
 * A short fake-camera clip: one FER2013 val face, enlarged to a consulting-room size, in a
 * 640×480 textured scene, drifting a few pixels per frame as a seated person does.
 */
export function writeFaceVideo(split: FerSplit, face: FaceVideo, name: string, size = 200): FaceVideo {
  mkdirSync(FIXTURES, { recursive: true });
  const path = join(FIXTURES, `${name}.y4m`);
  const frames = Array.from({ length: 20 }, (_, f) => {
    const drift = Math.round(3 * Math.sin((f / 20) * 2 * Math.PI));
    const scene = composeScene(split, [{ index: face.index, x: 220 + drift, y: 110, size }], 640, 480, 3);
    return { width: scene.width, height: scene.height, luma: scene.grey };
  });
  writeY4m(path, frames, 10);
  return { ...face, path };
}

/** A clip of the most confidently classified val face of `label`. */
export async function confidentFaceVideo(label: EmotionLabel): Promise<FaceVideo> {
  const split = loadFer2013('val');
  const [best] = await confidentFaces(split, label);
  if (!best) throw new Error(`ResmoNet classifies no val face as ${label}`);
  return writeFaceVideo(split, best, `face-${label}`);
}
