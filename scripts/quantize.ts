/**
 * Fewer bits for a tfjs model's weights: each float tensor stored with an affine map of its own
 * (tfjs's `quantization: { dtype: 'uint16', min, scale }`, value = stored × scale + min) on `bits`
 * levels, the range nudged so that 0 stays exact (as tensorflowjs_converter does). With fewer than
 * 16 bits the stored values are multiples of 2^(16 − bits), so gzip packs the unused low bits away
 * while tfjs reads a plain uint16 tensor. Float16 sources are read back to float first; other
 * dtypes are kept. tfjs expands every tensor to float32 on load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { expandChannelWeights } from '../src/worker/channel-weights.ts';
import { channelGroup, floatsOf } from './channels.mjs';

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; min?: number; scale?: number; original_dtype?: string };
}
interface WeightsGroup {
  paths: string[];
  weights: WeightSpec[];
}

const WIDTH: Record<string, number> = { float16: 2, uint8: 1, uint16: 2 };

/** One tensor on `bits` levels (9–16), stored as uint16, with its minimum and step. */
export function quantize(values: Float32Array, bits: number): { stored: Uint16Array; min: number; scale: number } {
  const top = 2 ** bits - 1;
  const spread = 2 ** (16 - bits);
  const lo = values.reduce((a, b) => Math.min(a, b), 0);
  const hi = values.reduce((a, b) => Math.max(a, b), 0);
  if (hi === lo) return { stored: new Uint16Array(values.length), min: 0, scale: 1 };
  const step = (hi - lo) / top;
  const min = -Math.round(-lo / step) * step;
  const stored = Uint16Array.from(values, (v) => Math.min(top, Math.max(0, Math.round((v - min) / step))) * spread);
  return { stored, min: Math.fround(min), scale: Math.fround(step / spread) };
}

/** Rewrites one weights group (its manifest entry and concatenated shards) on `bits` levels. */
export function quantizeGroup(
  group: WeightsGroup,
  data: Buffer,
  bits: number,
): { weights: WeightSpec[]; data: Buffer } {
  const parts: Buffer[] = [];
  let offset = 0;
  const weights = group.weights.map((spec) => {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = count * (spec.quantization ? (WIDTH[spec.quantization.dtype] ?? 4) : 4);
    const chunk = data.subarray(offset, offset + bytes);
    offset += bytes;
    if (spec.dtype !== 'float32' || (spec.quantization && spec.quantization.dtype !== 'float16')) {
      parts.push(Buffer.from(chunk));
      return spec;
    }
    const { stored, min, scale } = quantize(floatsOf(spec, chunk, count), bits);
    parts.push(Buffer.from(stored.buffer));
    return { ...spec, quantization: { dtype: 'uint16', min, scale, original_dtype: 'float32' } };
  });
  if (offset !== data.length) throw new Error(`weights use ${offset} of ${data.length} bytes`);
  return { weights, data: Buffer.concat(parts) };
}

type GroupRewrite = (group: WeightsGroup, data: Buffer) => { weights: object[]; data: Buffer };

/** A model folder's model.json and its shards, each group rewritten and written back to its first shard's name. */
export function rewriteModel(
  dir: string,
  rewrite: GroupRewrite,
  json = 'model.json',
  rename = (path: string): string => path,
): { modelJson: string; shards: Map<string, Buffer> } {
  const model = JSON.parse(readFileSync(join(dir, json), 'utf8')) as { weightsManifest: WeightsGroup[] };
  const shards = new Map<string, Buffer>();
  const weightsManifest = model.weightsManifest.map((group) => {
    const data = Buffer.concat(group.paths.map((p) => readFileSync(join(dir, p))));
    const path = rename(group.paths[0] ?? 'weights.bin');
    const written = rewrite(group, data);
    shards.set(path, written.data);
    return { paths: [path], weights: written.weights };
  });
  return { modelJson: JSON.stringify({ ...model, weightsManifest }), shards };
}

/** A model folder on `bits` levels per tensor. */
export const quantizeModel = (dir: string, bits: number, json = 'model.json') =>
  rewriteModel(dir, (group, data) => quantizeGroup(group, data, bits), json);

/** A model folder on `bits` per output channel (scripts/channels.mjs). */
export const channelModel = (dir: string, bits: number, json = 'model.json') =>
  rewriteModel(dir, (group, data) => channelGroup(group as Parameters<typeof channelGroup>[0], data, bits), json);

/** In-memory artifacts of a rewritten model, as the worker's loader hands them to tfjs. */
export function artifactsOf(model: { modelJson: string; shards: Map<string, Buffer> }): tf.io.ModelArtifacts {
  const json = JSON.parse(model.modelJson) as {
    modelTopology: object;
    signature?: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const all = Buffer.concat(
    json.weightsManifest.flatMap((g) => g.paths.map((p) => model.shards.get(p) ?? Buffer.of())),
  );
  return expandChannelWeights({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer,
    ...(json.signature ? { signature: json.signature } : {}),
  });
}
