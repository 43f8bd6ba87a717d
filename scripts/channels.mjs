// `bits` (8 to 16) per output channel for a tfjs model's weights, read back by
// src/worker/channel-weights.ts: each float kernel (rank 2 or more) gets one step and one zero point
// per output channel (the last axis; the channel axis of a depthwise kernel [h, w, C, 1]), so a
// channel of small weights keeps a fine step of its own; the range of each channel is nudged so
// that 0 stays exact. Laid out as [C float32 steps][C zero points (uint8, or uint16 over 8 bits)]
// [the top 8 bits of each value, one byte each][the bits under those, packed, first value first,
// lowest bit first], steps and zero points as byte planes (byte 0 of every channel, then byte 1…,
// little-endian): the value plane compresses as well as 8-bit values do, the rest costs its bits. Biases and other rank-1 floats are stored as float16 (tfjs's own format), other dtypes kept.
import { toHalf } from './float16.mjs';

const WIDTH = { float16: 2, uint8: 1, uint16: 2 };

function fromHalf(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** The float values of a float32 or float16 tensor. */
export function floatsOf(spec, chunk, count) {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const half = spec.quantization?.dtype === 'float16';
  return Float32Array.from({ length: count }, (_, i) =>
    half ? fromHalf(view.getUint16(i * 2, true)) : view.getFloat32(i * 4, true),
  );
}

/** The output-channel axis of a kernel: the last, unless it is a depthwise multiplier of 1. */
export const channelAxis = (shape) => (shape.at(-1) === 1 && shape.length === 4 ? 2 : shape.length - 1);

/** Bytes per stored zero point on `bits` levels. */
export const widthOf = (bits) => (bits <= 8 ? 1 : 2);

/** One tensor on `bits` per channel of `axis`, laid out as the loader reads it. */
export function quantizeChannels(values, shape, axis, bits = 8) {
  const channels = shape[axis];
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const channel = (i) => Math.floor(i / inner) % channels;
  const top = 2 ** bits - 1;
  const width = widthOf(bits);
  const low = Math.max(0, bits - 8);
  const lo = new Float64Array(channels);
  const hi = new Float64Array(channels);
  values.forEach((v, i) => {
    const c = channel(i);
    lo[c] = Math.min(lo[c], v);
    hi[c] = Math.max(hi[c], v);
  });
  const high = (4 + width) * channels;
  const rest = high + values.length;
  const out = Buffer.alloc(rest + Math.ceil((values.length * low) / 8));
  const steps = [];
  const zeros = [];
  for (let c = 0; c < channels; c++) {
    const step = hi[c] === lo[c] ? 1 : Math.fround((hi[c] - lo[c]) / top);
    steps.push(step);
    zeros.push(Math.min(top, Math.round(-lo[c] / step)));
    // Byte planes: the k-th byte of every step, then of every zero point (gzip finds the exponents).
    const bytes = Buffer.alloc(4);
    bytes.writeFloatLE(step, 0);
    for (let k = 0; k < 4; k++) out[k * channels + c] = bytes[k];
    for (let k = 0; k < width; k++) out[(4 + k) * channels + c] = (zeros[c] >>> (8 * k)) & 0xff;
  }
  values.forEach((v, i) => {
    const c = channel(i);
    const level = Math.min(top, Math.max(0, Math.round(v / steps[c]) + zeros[c]));
    out.writeUInt8(level >>> low, high + i);
    for (let b = 0; b < low; b++) {
      const bit = i * low + b;
      if ((level >>> b) & 1) out[rest + (bit >>> 3)] |= 1 << (bit & 7);
    }
  });
  return out;
}

/** Rewrites one weights group (a manifest entry and its concatenated shards) on `bits` per channel. */
export function channelGroup(group, data, bits = 8) {
  const parts = [];
  let offset = 0;
  const weights = group.weights.map((spec) => {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = count * (spec.quantization ? (WIDTH[spec.quantization.dtype] ?? 4) : 4);
    const chunk = data.subarray(offset, offset + bytes);
    offset += bytes;
    const float = spec.dtype === 'float32' && (!spec.quantization || spec.quantization.dtype === 'float16');
    if (!float) {
      parts.push(Buffer.from(chunk));
      return spec;
    }
    const values = floatsOf(spec, chunk, count);
    const { name, shape, dtype } = spec;
    if (shape.length < 2) {
      parts.push(Buffer.from(Uint16Array.from(values, toHalf).buffer));
      return { name, shape, dtype, quantization: { dtype: 'float16', original_dtype: 'float32' } };
    }
    const axis = channelAxis(shape);
    parts.push(quantizeChannels(values, shape, axis, bits));
    return { name, shape, dtype, channels: { axis, bits } };
  });
  if (offset !== data.length) throw new Error(`weights use ${offset} of ${data.length} bytes`);
  return { weights, data: Buffer.concat(parts) };
}
