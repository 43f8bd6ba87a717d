import { describe, expect, it } from 'vitest';
import { calibrate, MetadataError, parseMetadata } from '../../src/worker/metadata';
import { RESMONET_METADATA, readJson } from '../support/model-files';

const valid = {
  name: 'resmonet',
  version: '1.0.0',
  format: 'tfjs-layers',
  modelUrl: 'model.json',
  input: { height: 48, width: 48, channels: 1, scale: 1 / 255, offset: 0 },
  labels: ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'],
  temperature: 1.5,
  output: 'logits',
};

describe('metadata.json', () => {
  it('accepts the shipped model metadata', () => {
    const meta = parseMetadata(readJson(RESMONET_METADATA));
    expect(meta.labels).toHaveLength(7);
    expect(meta.input.width).toBe(48);
  });

  it('reads the output kind, defaulting to probabilities', () => {
    expect(parseMetadata(valid).output).toBe('logits');
    expect(parseMetadata({ ...valid, output: { kind: 'logits' } }).output).toBe('logits');
    expect(parseMetadata({ ...valid, output: undefined }).output).toBe('probabilities');
  });

  it.each([
    ['labels in another order', { labels: [...valid.labels].reverse() }],
    ['an RGB input', { input: { ...valid.input, channels: 3 } }],
    ['a zero temperature', { temperature: 0 }],
    ['an unknown format', { format: 'onnx' }],
    ['a missing scale', { input: { ...valid.input, scale: undefined } }],
  ])('rejects %s', (_, change) => {
    expect(() => parseMetadata({ ...valid, ...change })).toThrow(MetadataError);
  });
});

describe('temperature', () => {
  it('divides logits by T before the softmax', () => {
    const p = calibrate([2, 0, 0], 'logits', 2);
    const e = Math.exp(1);
    expect(p[0]).toBeCloseTo(e / (e + 2), 9);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('re-tempers probabilities the same way as their logits', () => {
    const logits = [1.2, -0.3, 0.4, 2.2, 0, -1, 0.7];
    const probs = calibrate(logits, 'logits', 1);
    const a = calibrate(logits, 'logits', 0.5);
    const b = calibrate(probs, 'probabilities', 0.5);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 9));
  });
});
