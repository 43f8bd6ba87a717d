// The shipped ResmoNet, run by tfjs (WASM backend, as in the app's worker),
// must reproduce the val accuracy recorded in its metadata within 0.5 points.
// Data: FER2013 PublicTest from ../shared/data/fer2013 or $FER2013_DIR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fer2013Dir, hasValData, loadModel, predictLogits, readMetadata, useBackend } from '../model/load-model.ts';

const dir = fer2013Dir();
const reason = `FER2013 val data not found in ${dir} (set FER2013_DIR)`;
const BATCH = 256;

describe('ResmoNet val accuracy in tfjs', () => {
  it.skipIf(!hasValData(dir))(
    `matches the recorded figure${hasValData(dir) ? '' : ` (skipped: ${reason})`}`,
    async () => {
      const backend = await useBackend('wasm');
      const meta = readMetadata();
      const model = await loadModel();
      const pixels = new Uint8Array(readFileSync(join(dir, 'val.u8')));
      const labels = new Uint8Array(readFileSync(join(dir, 'val.labels.u8')));
      const size = meta.input.height * meta.input.width;
      expect(pixels.length).toBe(labels.length * size);

      let correct = 0;
      for (let start = 0; start < labels.length; start += BATCH) {
        const end = Math.min(start + BATCH, labels.length);
        const logits = predictLogits(model, pixels.subarray(start * size, end * size), meta);
        for (let i = 0; i < end - start; i++) {
          const row = logits.subarray(i * 7, i * 7 + 7);
          const top = row.indexOf(Math.max(...row));
          if (top === labels[start + i]) correct++;
        }
      }
      const accuracy = correct / labels.length;
      console.info(
        `ResmoNet ${meta.version} on ${backend}: val accuracy ${(accuracy * 100).toFixed(2)}% ` +
          `(recorded ${(meta.metrics.accuracy * 100).toFixed(2)}%)`,
      );
      expect(accuracy).toBeGreaterThanOrEqual(meta.metrics.accuracy - 0.005);
    },
    300_000,
  );
});
