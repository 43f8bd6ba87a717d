/** ResmoNet on tfjs: a batch of normalised 48×48 grey crops in, calibrated probabilities out. */
import * as tf from '@tensorflow/tfjs';
import { calibrate, type ResmoNetMetadata } from './metadata.js';
import { readBack } from './read-back.js';

/** Either tfjs model format that `metadata.json` may name. */
export type TfjsModel = tf.LayersModel | tf.GraphModel;

/** Writes the left-right mirror image of a side×side crop into `out`. */
export function mirrorInto(crop: Float32Array, side: number, out: Float32Array): void {
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) out[y * side + x] = crop[y * side + side - 1 - x] ?? 0;
  }
}

export class EmotionClassifier {
  private constructor(
    private readonly model: TfjsModel,
    readonly metadata: ResmoNetMetadata,
  ) {}

  /** Builds the model on the active backend. */
  static async load(artifacts: tf.io.ModelArtifacts, metadata: ResmoNetMetadata): Promise<EmotionClassifier> {
    const handler = tf.io.fromMemory(artifacts);
    const model =
      metadata.format === 'tfjs-layers' ? await tf.loadLayersModel(handler) : await tf.loadGraphModel(handler);
    return new EmotionClassifier(model, metadata);
  }

  get inputSize(): number {
    return this.metadata.input.width;
  }

  /**
   * `crops` are already normalised (p·scale + offset), each inputSize² long. With `mirror`, each crop and its
   * mirror image go through the network in one batch and their probabilities (each at the metadata's
   * mirrorTemperature) are averaged.
   */
  async classify(crops: readonly Float32Array[], mirror = false): Promise<number[][]> {
    if (crops.length === 0) return [];
    const side = this.inputSize;
    const rows = mirror ? crops.length * 2 : crops.length;
    const batch = new Float32Array(rows * side * side);
    crops.forEach((crop, i) => {
      batch.set(crop, i * side * side);
      if (mirror) mirrorInto(crop, side, batch.subarray((crops.length + i) * side * side));
    });
    const output = tf.tidy(() => {
      const y = this.model.predict(tf.tensor4d(batch, [rows, side, side, 1]));
      return (Array.isArray(y) ? y[0] : y) as tf.Tensor;
    });
    try {
      const values = await readBack(output);
      const { output: kind, labels, temperature, mirrorTemperature } = this.metadata;
      const row = (i: number, t: number): number[] =>
        calibrate(values.subarray(i * labels.length, (i + 1) * labels.length), kind, t);
      if (!mirror) return crops.map((_, i) => row(i, temperature));
      return crops.map((_, i) => {
        const a = row(i, mirrorTemperature);
        const b = row(crops.length + i, mirrorTemperature);
        return a.map((p, k) => (p + (b[k] ?? 0)) / 2);
      });
    } finally {
      output.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
