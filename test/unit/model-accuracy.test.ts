// The shipped ResmoNet (its weights on 8 bits per output channel, as the build writes them: scripts/quantize-plugin.ts), run through the app's own classifier (src/worker/classifier.ts: calibration, and mirror
// averaging as a batch of two) on tfjs's WASM backend as in the worker, must reproduce the val figures recorded
// in its metadata within 3 faces (0.08 points; the two differ by 6 faces, so a mirror that is not applied fails):
// face only (metrics.accuracy) and mirror-averaged (metrics.mirror_averaged.accuracy, from npm run eval:mirror).
// Data: FER2013 PublicTest from ../shared/data/fer2013 or $FER2013_DIR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedResmonet } from '../../scripts/quantize-plugin.ts';
import { artifactsOf } from '../../scripts/quantize.ts';
import { EmotionClassifier } from '../../src/worker/classifier';
import { parseMetadata } from '../../src/worker/metadata';
import { MODEL_DIR, fer2013Dir, hasValData, useBackend } from '../model/load-model.ts';

const dir = fer2013Dir();
const reason = `FER2013 val data not found in ${dir} (set FER2013_DIR)`;
const BATCH = 256;
const FACES = 3;

async function appClassifier(): Promise<EmotionClassifier> {
  const raw = JSON.parse(readFileSync(join(MODEL_DIR, 'metadata.json'), 'utf8')) as unknown;
  return EmotionClassifier.load(artifactsOf(shippedResmonet(MODEL_DIR)), parseMetadata(raw));
}

async function accuracy(classifier: EmotionClassifier, pixels: Uint8Array, labels: Uint8Array, mirror: boolean) {
  const { scale, offset, width } = classifier.metadata.input;
  const size = width * width;
  let correct = 0;
  for (let start = 0; start < labels.length; start += BATCH) {
    const crops: Float32Array[] = [];
    for (let i = start; i < Math.min(start + BATCH, labels.length); i++) {
      crops.push(Float32Array.from(pixels.subarray(i * size, (i + 1) * size), (p) => p * scale + offset));
    }
    const probabilities = await classifier.classify(crops, mirror);
    probabilities.forEach((p, i) => {
      if (p.indexOf(Math.max(...p)) === labels[start + i]) correct++;
    });
  }
  return correct / labels.length;
}

describe('ResmoNet val accuracy through the app classifier', () => {
  it.skipIf(!hasValData(dir))(
    `matches the recorded figures, face only and mirror-averaged${hasValData(dir) ? '' : ` (skipped: ${reason})`}`,
    async () => {
      const backend = await useBackend('wasm');
      const meta = JSON.parse(readFileSync(join(MODEL_DIR, 'metadata.json'), 'utf8')) as {
        version: string;
        metrics: { accuracy: number; mirror_averaged: { accuracy: number } };
      };
      const classifier = await appClassifier();
      const pixels = new Uint8Array(readFileSync(join(dir, 'val.u8')));
      const labels = new Uint8Array(readFileSync(join(dir, 'val.labels.u8')));
      expect(pixels.length).toBe(labels.length * classifier.inputSize ** 2);
      const plain = await accuracy(classifier, pixels, labels, false);
      const mirrored = await accuracy(classifier, pixels, labels, true);
      const recorded = { plain: meta.metrics.accuracy, mirror: meta.metrics.mirror_averaged.accuracy };
      console.info(
        `ResmoNet ${meta.version} on ${backend}: val accuracy ${(plain * 100).toFixed(2)}% face only ` +
          `(recorded ${(recorded.plain * 100).toFixed(2)}%), ${(mirrored * 100).toFixed(2)}% mirror-averaged ` +
          `(recorded ${(recorded.mirror * 100).toFixed(2)}%)`,
      );
      expect(Math.abs(plain - recorded.plain) * labels.length).toBeLessThanOrEqual(FACES + 1e-6);
      expect(Math.abs(mirrored - recorded.mirror) * labels.length).toBeLessThanOrEqual(FACES + 1e-6);
      classifier.dispose();
    },
    600_000,
  );
});
