/** ResmoNet's `metadata.json` contract (issue 3), checked before the model is trusted. */
import { EMOTION_LABELS } from '../shared/emotions.js';

export interface ResmoNetMetadata {
  name: string;
  version: string;
  format: 'tfjs-layers' | 'tfjs-graph';
  modelUrl: string;
  input: { height: number; width: number; channels: number; scale: number; offset: number };
  labels: string[];
  temperature: number;
  /** The temperature for mirror averaging (each row at it, then averaged); the plain one when absent. */
  mirrorTemperature: number;
  /** Whether the network ends in a softmax (`probabilities`) or not (`logits`). */
  output: 'probabilities' | 'logits';
}

export class MetadataError extends Error {
  override name = 'MetadataError';
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(o: Json, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new MetadataError(`"${key}" must be a finite number`);
  return v;
}

function str(o: Json, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new MetadataError(`"${key}" must be a non-empty string`);
  return v;
}

function outputKind(o: Json): ResmoNetMetadata['output'] {
  const raw = o['output'];
  const kind = isObject(raw) ? raw['kind'] : raw;
  if (kind === undefined) return 'probabilities';
  if (kind === 'probabilities' || kind === 'logits') return kind;
  throw new MetadataError('"output" must be "probabilities" or "logits"');
}

export function parseMetadata(raw: unknown): ResmoNetMetadata {
  if (!isObject(raw)) throw new MetadataError('metadata is not an object');
  const format = raw['format'];
  if (format !== 'tfjs-layers' && format !== 'tfjs-graph') {
    throw new MetadataError('"format" must be "tfjs-layers" or "tfjs-graph"');
  }
  const input = raw['input'];
  if (!isObject(input)) throw new MetadataError('"input" must be an object');
  const labels = raw['labels'];
  if (!Array.isArray(labels) || labels.join() !== EMOTION_LABELS.join()) {
    throw new MetadataError(`"labels" must be ${EMOTION_LABELS.join(',')}`);
  }
  const meta: ResmoNetMetadata = {
    name: str(raw, 'name'),
    version: str(raw, 'version'),
    format,
    modelUrl: str(raw, 'modelUrl'),
    input: {
      height: num(input, 'height'),
      width: num(input, 'width'),
      channels: num(input, 'channels'),
      scale: num(input, 'scale'),
      offset: num(input, 'offset'),
    },
    labels: [...EMOTION_LABELS],
    temperature: num(raw, 'temperature'),
    mirrorTemperature: raw['mirrorTemperature'] === undefined ? num(raw, 'temperature') : num(raw, 'mirrorTemperature'),
    output: outputKind(raw),
  };
  if (meta.input.channels !== 1 || meta.input.width !== meta.input.height) {
    throw new MetadataError('input must be a square single-channel image');
  }
  if (meta.mirrorTemperature <= 0) throw new MetadataError('"mirrorTemperature" must be positive');
  if (meta.temperature <= 0) throw new MetadataError('"temperature" must be positive');
  return meta;
}

/** Softmax of logits / T, or probabilities re-tempered (softmax(log p / T)). */
export function calibrate(values: ArrayLike<number>, kind: ResmoNetMetadata['output'], temperature: number): number[] {
  const logits = Array.from(values, (v) => (kind === 'logits' ? v : Math.log(Math.max(v, 1e-12))) / temperature);
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
