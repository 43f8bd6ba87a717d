import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { EmotionClassifier } from '../../src/worker/classifier';
import { FaceDetector } from '../../src/worker/detector';
import { cropGeometry, cropGrey, normalise } from '../../src/worker/face-crop';
import { parseMetadata } from '../../src/worker/metadata';
import { pixelRegionSource } from '../../src/worker/region-source';
import { followRegion, wholeFrame } from '../../src/worker/regions';
import { DETECTOR_JSON, RESMONET_METADATA, readArtifacts, readJson, REPO } from '../support/model-files';
import { composeScene, FER_SIDE, ferFace, hasFer2013, loadFer2013, toRgba } from '../support/scenes';

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const mean = (v: ArrayLike<number>): number => Array.from(v).reduce((s, x) => s + x, 0) / n;
  const [ma, mb] = [mean(a), mean(b)];
  let [sab, saa, sbb] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [da, db] = [(a[i] ?? 0) - ma, (b[i] ?? 0) - mb];
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe.skipIf(!hasFer2013())('models on the WASM backend in Node', () => {
  let detector: FaceDetector;
  let classifier: EmotionClassifier;
  const split = hasFer2013() ? loadFer2013('val') : null;

  beforeAll(async () => {
    setWasmPaths(`${REPO}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
    await tf.setBackend('wasm');
    detector = await FaceDetector.load(readArtifacts(DETECTOR_JSON));
    const metadata = parseMetadata(readJson(RESMONET_METADATA));
    classifier = await EmotionClassifier.load(
      readArtifacts(`${REPO}/public/models/resmonet/${metadata.modelUrl}`),
      metadata,
    );
  });

  it('finds each FER face of a scene and centres the crop square on the FER crop', async () => {
    if (split === null) return;
    const [a = 0, b = 0] = split.faces.slice(10, 12);
    const scene = composeScene(split, [
      { index: a, x: 60, y: 150, size: 160 },
      { index: b, x: 380, y: 120, size: 200 },
    ]);
    const pixels = { data: toRgba(scene), width: scene.width, height: scene.height };
    const before = tf.memory().numTensors;
    const found = await detector.detect(pixelRegionSource(pixels), [wholeFrame(scene.width, scene.height)]);
    expect(tf.memory().numTensors).toBe(before);
    expect(found).toHaveLength(2);
    for (const face of scene.faces) {
      const match = found.find(
        (d) => Math.abs(d.x + d.width / 2 - face.box.x - face.box.width / 2) < face.box.width / 4,
      );
      expect(match).toBeDefined();
      if (match === undefined) continue;
      // FER2013's own crops vary in tightness, so the crop square is checked loosely.
      const g = cropGeometry(match);
      const side = face.box.width;
      expect(Math.abs(g.cx - (face.box.x + side / 2))).toBeLessThan(0.1 * side);
      expect(Math.abs(g.cy - (face.box.y + side / 2))).toBeLessThan(0.1 * side);
      expect(g.size / side).toBeGreaterThan(0.7);
      expect(g.size / side).toBeLessThan(1.5);
      expect(correlation(cropGrey(pixels, g, FER_SIDE), ferFace(split, face.index))).toBeGreaterThan(0);
    }
  });

  it('follows a face at 96 px as at 256 px, and looks through the wide region when the close one misses', async () => {
    if (split === null) return;
    const [a = 0] = split.faces.slice(10, 11);
    const scene = composeScene(split, [{ index: a, x: 240, y: 140, size: 96 }]);
    const source = pixelRegionSource({ data: toRgba(scene), width: 640, height: 480 });
    const face = { score: 1, x: 240, y: 140, width: 96, height: 96, keypoints: [] };
    const close = followRegion(face, 640);
    expect(close.input).toBe(96);
    expect(close.size).toBeCloseTo(96 * 1.6);
    const wide = close.fallback ?? close;
    const [atClose] = await detector.detect(source, [{ ...close, fallback: undefined }]);
    const [atWide] = await detector.detect(source, [wide]);
    expect(atClose).toBeDefined();
    expect(Math.abs((atClose?.x ?? 0) - (atWide?.x ?? 0))).toBeLessThan(96 * 0.15);
    expect((atClose?.width ?? 0) / (atWide?.width ?? 1)).toBeGreaterThan(0.8);
    expect((atClose?.width ?? 0) / (atWide?.width ?? 1)).toBeLessThan(1.25);
    // The face moved out of the close region (a quick step): the wide region still finds it.
    const moved = { ...close, x: close.x - 150 };
    const missed = await detector.detect(source, [{ ...moved, fallback: undefined }]);
    expect(missed).toEqual([]);
    const found = await detector.detect(source, [{ ...moved, fallback: { ...wide, x: wide.x - 30 } }]);
    expect(found).toHaveLength(1);
  });

  it('finds no face in a frame without one', async () => {
    if (split === null) return;
    const scene = composeScene(split, []);
    const found = await detector.detect(pixelRegionSource({ data: toRgba(scene), width: 640, height: 480 }), [
      wholeFrame(640, 480),
    ]);
    expect(found).toEqual([]);
  });

  it('classifies a batch into calibrated probabilities without leaking tensors', async () => {
    if (split === null) return;
    const { scale, offset } = classifier.metadata.input;
    const crops = split.faces.slice(0, 3).map((i) => normalise(Float32Array.from(ferFace(split, i)), scale, offset));
    const before = tf.memory().numTensors;
    const probabilities = await classifier.classify(crops);
    expect(tf.memory().numTensors).toBe(before);
    expect(probabilities).toHaveLength(3);
    for (const p of probabilities) {
      expect(p).toHaveLength(7);
      expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 5);
    }
    expect(await classifier.classify([])).toEqual([]);
  });
});
