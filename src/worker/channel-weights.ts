/**
 * Model weights stored on a few bits per output channel (scripts/channels.mjs): each kernel
 * with one step and one zero point per output channel, so a channel of small weights keeps its
 * own fine step beside a channel of large ones (one step per tensor wiped BlazeFace's small 1×1
 * weights, docs/inference.md, "Detector weights"). tfjs has no such format, so the loader expands
 * these tensors to float32 before tfjs sees them; every other tensor passes through unchanged.
 *
 * In the weights data, a tensor with `channels` in its manifest entry is laid out as
 * `[C float32 steps][C zero points][top 8 bits of each value][lower bits, packed]`, C the size of
 * `channels.axis`; zero points are uint8 on 8 bits or fewer, else uint16; steps and zero points
 * are stored as byte planes (byte 0 of every channel, then byte 1…, little-endian); the bits under
 * the top 8 (bits − 8 per value) are packed lowest bit first.
 */
import type * as tf from './tf.js';

export interface ChannelSpec {
  /** The axis of the output channels (the last one, or the input axis of a depthwise kernel). */
  axis: number;
  /** Levels of 2^bits per channel. */
  bits: number;
}
export type ChannelWeightSpec = tf.io.WeightsManifestEntry & { channels?: ChannelSpec };

const WIDTH: Record<string, number> = { float16: 2, uint8: 1, uint16: 2 };
const widthOf = (c: ChannelSpec): number => (c.bits <= 8 ? 1 : 2);
const lowBits = (c: ChannelSpec): number => Math.max(0, c.bits - 8);

/** Bytes a manifest entry takes in the weights data. */
export function storedBytes(spec: ChannelWeightSpec): number {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.channels !== undefined) {
    const size = spec.shape[spec.channels.axis] ?? 1;
    return (4 + widthOf(spec.channels)) * size + count + Math.ceil((count * lowBits(spec.channels)) / 8);
  }
  const q = spec.quantization?.dtype;
  return count * (q === undefined ? 4 : (WIDTH[q] ?? 4));
}

/** Index of the output channel of each flat position, for a tensor of `shape` split on `axis`. */
export function channelOf(shape: readonly number[], axis: number): (i: number) => number {
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const size = shape[axis] ?? 1;
  return (i) => Math.floor(i / inner) % size;
}

function expand(spec: ChannelWeightSpec, channels: ChannelSpec, chunk: Uint8Array): Uint8Array {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const size = spec.shape[channels.axis] ?? 1;
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const wide = widthOf(channels) === 2;
  const low = lowBits(channels);
  const high = (4 + widthOf(channels)) * size;
  const rest = high + count;
  const planes = (from: number, width: number, c: number): number[] =>
    Array.from({ length: width }, (_, k) => chunk[(from + k) * size + c] ?? 0);
  const zeros = Array.from({ length: size }, (_, c) =>
    planes(4, wide ? 2 : 1, c).reduce((v, b, k) => v | (b << (8 * k)), 0),
  );
  const steps = new Float32Array(new Uint8Array(Array.from({ length: size }, (_, c) => planes(0, 4, c)).flat()).buffer);
  const values = new Float32Array(count);
  const channel = channelOf(spec.shape, channels.axis);
  for (let i = 0; i < count; i++) {
    let level = view.getUint8(high + i) << low;
    for (let b = 0; b < low; b++) {
      const bit = i * low + b;
      level |= ((view.getUint8(rest + (bit >>> 3)) >>> (bit & 7)) & 1) << b;
    }
    const c = channel(i);
    values[i] = (level - (zeros[c] ?? 0)) * (steps[c] ?? 0);
  }
  return new Uint8Array(values.buffer);
}

/** The artifacts with every per-channel tensor expanded to float32 (the others unchanged). */
export function expandChannelWeights(artifacts: tf.io.ModelArtifacts): tf.io.ModelArtifacts {
  const specs = (artifacts.weightSpecs ?? []) as ChannelWeightSpec[];
  if (!specs.some((s) => s.channels !== undefined) || artifacts.weightData === undefined) return artifacts;
  const source = artifacts.weightData;
  const buffers = Array.isArray(source) ? source : [source];
  const whole = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  buffers.reduce((at, b) => (whole.set(new Uint8Array(b), at), at + b.byteLength), 0);
  const parts: Uint8Array[] = [];
  let offset = 0;
  const weightSpecs = specs.map((spec) => {
    const bytes = storedBytes(spec);
    const chunk = whole.subarray(offset, offset + bytes);
    offset += bytes;
    if (spec.channels === undefined) {
      parts.push(chunk);
      return spec;
    }
    parts.push(expand(spec, spec.channels, chunk));
    const { name, shape, dtype } = spec;
    return { name, shape, dtype };
  });
  if (offset !== whole.length) throw new Error(`weights use ${offset} of ${whole.length} bytes`);
  const weightData = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (weightData.set(p, at), at + p.length), 0);
  return { ...artifacts, weightSpecs, weightData: weightData.buffer };
}
