// Loads the shipped ResmoNet (public/models/resmonet) from disk into tfjs in
// Node, without a fetch shim: the model.json + shard are handed to
// tf.loadGraphModel (or tf.loadLayersModel, as metadata.json says) through an
// in-memory IOHandler.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MODEL_DIR = join(REPO, 'public', 'models', 'resmonet');
export const LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];

export interface Metadata {
  name: string;
  version: string;
  format: string;
  modelUrl: string;
  input: { height: number; width: number; channels: number; scale: number; offset: number };
  labels: string[];
  output: string;
  temperature: number;
  params: number;
  flops: number;
  metrics: { accuracy: number; recall: Record<string, number>; [k: string]: unknown };
  training: Record<string, unknown>;
}

import type { TfjsModel } from '../../src/worker/classifier';

export type Model = TfjsModel;

interface ModelJson {
  modelTopology: object;
  signature?: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

export function readMetadata(): Metadata {
  return JSON.parse(readFileSync(join(MODEL_DIR, 'metadata.json'), 'utf8')) as Metadata;
}

export function readModelJson(): ModelJson {
  return JSON.parse(readFileSync(join(MODEL_DIR, readMetadata().modelUrl), 'utf8')) as ModelJson;
}

/** model.json plus every weight shard it references. */
export function modelFiles(): string[] {
  const files = [join(MODEL_DIR, 'model.json')];
  for (const group of readModelJson().weightsManifest) {
    for (const p of group.paths) files.push(join(MODEL_DIR, p));
  }
  return files;
}

export function modelBytes(): number {
  return modelFiles().reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Uses the WASM backend (as the app's worker does), falling back to cpu. */
export async function useBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  if (name === 'wasm') {
    const dist = join(REPO, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/';
    setWasmPaths(dist);
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return 'wasm';
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

export async function loadModel(): Promise<Model> {
  const json = readModelJson();
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const buffers = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(MODEL_DIR, p))));
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  const handler = tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData,
    ...(json.signature ? { signature: json.signature } : {}),
  });
  return readMetadata().format === 'tfjs-graph' ? tf.loadGraphModel(handler) : tf.loadLayersModel(handler);
}

/** uint8 pixels (n*48*48) -> logits (n x 7), preprocessed as metadata says. */
export function predictLogits(model: Model, pixels: Uint8Array, meta: Metadata): Float32Array {
  const n = pixels.length / (meta.input.height * meta.input.width);
  return tf.tidy(() => {
    const x = tf
      .tensor4d(pixels, [n, meta.input.height, meta.input.width, 1], 'float32')
      .mul(meta.input.scale)
      .add(meta.input.offset);
    return (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  });
}

export function fer2013Dir(): string {
  return process.env.FER2013_DIR ?? resolve(REPO, '..', 'shared', 'data', 'fer2013');
}

export function hasValData(dir = fer2013Dir()): boolean {
  return existsSync(join(dir, 'val.u8')) && existsSync(join(dir, 'val.labels.u8'));
}
