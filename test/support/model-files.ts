/** Reads tfjs model folders from disk for Node tests, where `tf.io.http` cannot reach files. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as tf from '@tensorflow/tfjs';
import { expandChannelWeights } from '../../src/worker/channel-weights';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const DETECTOR_JSON = join(REPO, 'public/models/blazeface/model.json');
export const RESMONET_METADATA = join(REPO, 'public/models/resmonet/metadata.json');

interface ModelJson {
  modelTopology: object;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** A model's artifacts as the worker's loader gives them to tfjs (per-channel weights expanded). */
export function readArtifacts(modelJsonPath: string): tf.io.ModelArtifacts {
  const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as ModelJson;
  const buffers = json.weightsManifest.flatMap((g) =>
    g.paths.map((p) => readFileSync(join(dirname(modelJsonPath), p))),
  );
  const weightData = new Uint8Array(Buffer.concat(buffers)).buffer;
  return expandChannelWeights({
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy ?? null,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData,
  });
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
