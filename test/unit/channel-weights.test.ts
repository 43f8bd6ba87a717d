// Weights on a few bits per output channel (scripts/channels.mjs) read back by the worker's loader
// (src/worker/channel-weights.ts): each value within a step of its channel's, zero exact, a
// channel of small weights kept apart from a channel of large ones, and BlazeFace's own file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelGroup } from '../../scripts/channels.mjs';
import { expandChannelWeights, storedBytes } from '../../src/worker/channel-weights';
import { DETECTOR_JSON } from '../support/model-files';

/** A [1, 1, 3, 2] kernel: channel 0 holds small weights, channel 1 large ones and a zero. */
const KERNEL = Float32Array.from([0.001, 40, -0.002, 0, 0.0005, -25]);
const group = { paths: ['w.bin'], weights: [{ name: 'k', shape: [1, 1, 3, 2], dtype: 'float32' as const }] };

function roundTrip(bits: number): { values: Float32Array; bytes: number } {
  const packed = channelGroup(group, Buffer.from(KERNEL.buffer), bits);
  const data = new Uint8Array(packed.data).buffer;
  const out = expandChannelWeights({ weightSpecs: packed.weights, weightData: data });
  expect(out.weightSpecs).toEqual([{ name: 'k', shape: [1, 1, 3, 2], dtype: 'float32' }]);
  return { values: new Float32Array(out.weightData as ArrayBuffer), bytes: packed.data.length };
}

describe('weights per output channel', () => {
  for (const bits of [8, 9, 10]) {
    it(`reads ${bits}-bit weights back within a step of their own channel`, () => {
      const { values, bytes } = roundTrip(bits);
      const steps = [0.0025 / (2 ** bits - 1), 65 / (2 ** bits - 1)];
      KERNEL.forEach((v, i) => expect(Math.abs((values[i] ?? NaN) - v)).toBeLessThanOrEqual(steps[i % 2]! + 1e-9));
      expect(values[3]).toBe(0);
      // One step per tensor would round every small weight of channel 0 to 0.
      expect(values[0]).not.toBe(0);
      expect(bytes).toBe(
        storedBytes({ name: 'k', shape: [1, 1, 3, 2], dtype: 'float32', channels: { axis: 3, bits } }),
      );
    });
  }

  it('splits a depthwise kernel [h, w, C, 1] on its channel axis', () => {
    const packed = channelGroup(
      { paths: ['w.bin'], weights: [{ name: 'd', shape: [1, 1, 2, 1], dtype: 'float32' }] },
      Buffer.from(Float32Array.from([0.001, 50]).buffer),
      8,
    );
    expect(packed.weights[0]).toMatchObject({ channels: { axis: 2, bits: 8 } });
    const out = expandChannelWeights({ weightSpecs: packed.weights, weightData: new Uint8Array(packed.data).buffer });
    expect(new Float32Array(out.weightData as ArrayBuffer)[0]).toBeCloseTo(0.001, 5);
  });

  it('loads the shipped BlazeFace file whole: every byte used, every kernel expanded', () => {
    const json = JSON.parse(readFileSync(DETECTOR_JSON, 'utf8')) as {
      weightsManifest: { paths: string[]; weights: [] }[];
    };
    const [manifest] = json.weightsManifest;
    const bin = readFileSync(join(DETECTOR_JSON, '..', manifest?.paths[0] ?? ''));
    const out = expandChannelWeights({ weightSpecs: manifest?.weights ?? [], weightData: new Uint8Array(bin).buffer });
    expect(out.weightSpecs?.some((s) => 'channels' in s)).toBe(false);
    const floats = (out.weightSpecs ?? []).filter((s) => s.dtype === 'float32' && s.quantization === undefined);
    expect(floats.length).toBeGreaterThan(60);
  });
});
