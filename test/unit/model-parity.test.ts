// PyTorch vs tfjs parity for the shipped ResmoNet. The fixture holds
// synthetic inputs and the logits of the deployed graph in PyTorch (BN folded,
// fp16-rounded weights, exactly what tfjs decodes), written by training/ship.py.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadModel,
  MODEL_DIR,
  predictLogits,
  readMetadata,
  REPO,
  useBackend,
  type Model,
} from '../model/load-model.ts';

interface Fixture {
  shard_sha256: string;
  shape: [number, number, number];
  pixels: number[];
  logits: number[][];
}

const fixture = JSON.parse(readFileSync(join(REPO, 'test', 'model', 'resmonet-parity.json'), 'utf8')) as Fixture;

describe.each(['wasm', 'cpu'] as const)('ResmoNet PyTorch/tfjs parity (%s)', (backend) => {
  let model: Model;

  beforeAll(async () => {
    expect(await useBackend(backend)).toBe(backend);
    model = await loadModel();
  });

  it('fixture was generated from the shipped weights', () => {
    const shard = readFileSync(join(MODEL_DIR, 'group1-shard1of1.bin'));
    expect(createHash('sha256').update(shard).digest('hex')).toBe(fixture.shard_sha256);
  });

  it('gives the same logits as PyTorch (max abs diff < 1e-4)', () => {
    const logits = predictLogits(model, Uint8Array.from(fixture.pixels), readMetadata());
    const expected = fixture.logits.flat();
    expect(logits.length).toBe(expected.length);
    let maxDiff = 0;
    expected.forEach((v, i) => {
      maxDiff = Math.max(maxDiff, Math.abs((logits[i] ?? NaN) - v));
    });
    expect(maxDiff).toBeLessThan(1e-4);
  });
});
