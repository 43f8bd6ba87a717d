// The public contract of public/models/resmonet, read by the app's worker and
// by outside evaluators (see docs/models.md and docs/training-history.md).
import { describe, expect, it } from 'vitest';
import { LABELS, modelBytes, modelFiles, readMetadata, readModelJson } from '../model/load-model.ts';

const MAX_PARAMS = 150_000;
const MAX_BYTES = 350 * 1024;

describe('ResmoNet metadata contract', () => {
  const meta = readMetadata();

  it('has the documented fields and values', () => {
    expect(meta.name).toBe('resmonet');
    expect(typeof meta.version).toBe('string');
    expect(['tfjs-layers', 'tfjs-graph']).toContain(meta.format);
    expect(meta.modelUrl).toBe('model.json');
    expect(meta.input).toMatchObject({ height: 48, width: 48, channels: 1 });
    expect(Number.isFinite(meta.input.scale)).toBe(true);
    expect(Number.isFinite(meta.input.offset)).toBe(true);
    expect(['logits', 'probabilities']).toContain(meta.output);
    expect(meta.temperature).toBeGreaterThan(0);
    expect(Number.isInteger(meta.flops)).toBe(true);
    expect(meta.metrics.accuracy).toBeGreaterThan(0);
    expect(Object.keys(meta.metrics.recall)).toEqual(LABELS);
    expect(meta.training).toHaveProperty('git_commit');
    expect(meta.training).toHaveProperty('epochs');
    expect(meta.training).toHaveProperty('seed');
    expect(meta.training).toHaveProperty('data');
  });

  it('lists the labels in FER2013 order', () => {
    expect(meta.labels).toEqual(LABELS);
  });

  it(`has at most ${MAX_PARAMS} parameters, matching the weights manifest`, () => {
    // Trained weights only: a graph model also stores integer constants (the pooling axes).
    const manifest = readModelJson()
      .weightsManifest.flatMap((g) => g.weights)
      .filter((w) => w.dtype === 'float32');
    const counted = manifest.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
    expect(counted).toBe(meta.params);
    expect(meta.params).toBeLessThanOrEqual(MAX_PARAMS);
  });

  it('ships a fused graph: every convolution carries its bias and activation, none reads one channel', () => {
    expect(meta.format).toBe('tfjs-graph');
    const { modelTopology } = readModelJson() as unknown as {
      modelTopology: { node: { name: string; op: string; input?: string[] }[] };
    };
    const nodes = modelTopology.node;
    const ops = new Set(nodes.map((n) => n.op));
    for (const unfused of ['Conv2D', 'DepthwiseConv2dNative', 'BiasAdd', 'Relu', 'Pad', 'FusedBatchNormV3'])
      expect(ops).not.toContain(unfused);
    // The one-channel stem runs as a depthwise conv with a channel multiplier, which tfjs' WebGPU
    // and CPU backends run several times faster than a general conv over a depth of one.
    const stem = nodes.find((n) => n.input?.[0] === 'input');
    expect(stem?.op).toBe('FusedDepthwiseConv2dNative');
  });

  it('keeps model files (model.json + shards) within 350 KB', () => {
    expect(modelFiles().length).toBeGreaterThanOrEqual(2);
    expect(modelBytes()).toBeLessThanOrEqual(MAX_BYTES);
  });
});
