/** Fetches model files once, so each backend can build its own copy from memory. */
import * as tf from './tf.js';
import type { InferenceError, ModelUrls } from '../shared/protocol.js';
import { expandChannelWeights } from './channel-weights.js';
import { parseMetadata, type ResmoNetMetadata } from './metadata.js';

export type ArtifactLoader = (modelJsonUrl: string, fetchFunc?: typeof fetch) => Promise<tf.io.ModelArtifacts>;

export const httpArtifacts: ArtifactLoader = async (url, fetchFunc) => {
  const handler = tf.io.http(url, fetchFunc === undefined ? {} : { fetchFunc });
  if (handler.load === undefined) throw new Error(`${url}: no HTTP loader`);
  return expandChannelWeights(await handler.load());
};

export type JsonLoader = (url: string) => Promise<unknown>;

export const httpJson: JsonLoader = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
};

export interface ModelArtifactsSet {
  detector: tf.io.ModelArtifacts;
  classifier: tf.io.ModelArtifacts;
  metadata: ResmoNetMetadata;
}

/** Which model failed, so the caller can report a typed error. */
export class ArtifactError extends Error {
  override name = 'ArtifactError';
  constructor(
    readonly model: 'detector' | 'classifier',
    readonly url: string,
    readonly kind: 'load' | 'metadata',
    message: string,
  ) {
    super(message);
  }
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** `fetchFunc` fetches the model files, e.g. counting their bytes for download progress. */
export async function fetchArtifacts(
  urls: ModelUrls,
  loadModel: ArtifactLoader = httpArtifacts,
  loadJson: JsonLoader = httpJson,
  fetchFunc?: typeof fetch,
): Promise<ModelArtifactsSet> {
  let metadata: ResmoNetMetadata;
  try {
    metadata = parseMetadata(await loadJson(urls.classifier));
  } catch (e) {
    throw new ArtifactError('classifier', urls.classifier, 'metadata', describe(e));
  }
  const classifierUrl = new URL(metadata.modelUrl, urls.classifier).href;
  const load = async (model: 'detector' | 'classifier', url: string): Promise<tf.io.ModelArtifacts> => {
    try {
      return await loadModel(url, fetchFunc);
    } catch (e) {
      throw new ArtifactError(model, url, 'load', describe(e));
    }
  };
  const [detector, classifier] = await Promise.all([
    load('detector', urls.detector),
    load('classifier', classifierUrl),
  ]);
  return { detector, classifier, metadata };
}

/** The typed error for the page: which model or metadata failed to load. */
export function artifactError(e: unknown): InferenceError {
  if (e instanceof ArtifactError) {
    return e.kind === 'metadata'
      ? { code: 'bad-metadata', url: e.url, message: e.message }
      : { code: 'model-load-failed', model: e.model, url: e.url, message: e.message };
  }
  return { code: 'inference-failed', message: describe(e) };
}
