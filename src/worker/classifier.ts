/** ResmoNet on tfjs: a batch of normalised 48×48 grey crops in, calibrated probabilities out. */
import * as tf from './tf.js';
import { calibrate, type ResmoNetMetadata } from './metadata.js';
import { readBack } from './read-back.js';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/** Either tfjs model format that `metadata.json` may name. */
export type TfjsModel = LayersModel | tf.GraphModel;

export class EmotionClassifier {
  private constructor(
    private readonly model: TfjsModel,
    readonly metadata: ResmoNetMetadata,
  ) {}

  /** Builds the model on the active backend. */
  static async load(artifacts: tf.io.ModelArtifacts, metadata: ResmoNetMetadata): Promise<EmotionClassifier> {
    const handler = tf.io.fromMemory(artifacts);
    // The layers loader is a chunk of its own: the shipped ResmoNet is a graph model.
    const model =
      metadata.format === 'tfjs-layers'
        ? await (await import('@tensorflow/tfjs-layers')).loadLayersModel(handler)
        : await tf.loadGraphModel(handler);
    return new EmotionClassifier(model, metadata);
  }

  get inputSize(): number {
    return this.metadata.input.width;
  }

  /** `crops` are already normalised (p·scale + offset), each inputSize² long. */
  async classify(crops: readonly Float32Array[]): Promise<number[][]> {
    if (crops.length === 0) return [];
    const side = this.inputSize;
    const batch = new Float32Array(crops.length * side * side);
    crops.forEach((crop, i) => batch.set(crop, i * side * side));
    const output = tf.tidy(() => {
      const y = this.model.predict(tf.tensor4d(batch, [crops.length, side, side, 1]));
      return (Array.isArray(y) ? y[0] : y) as tf.Tensor;
    });
    try {
      const values = await readBack(output);
      const classes = this.metadata.labels.length;
      return crops.map((_, i) =>
        calibrate(values.subarray(i * classes, (i + 1) * classes), this.metadata.output, this.metadata.temperature),
      );
    } finally {
      output.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
