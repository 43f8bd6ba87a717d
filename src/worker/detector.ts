/** BlazeFace on tfjs: letterboxed 256×256 input, raw outputs decoded on the CPU. */
import * as tf from '@tensorflow/tfjs';
import {
  BLAZEFACE_INPUT_SIZE,
  DEFAULT_DECODE_OPTIONS,
  decodeBlazeFace,
  generateAnchors,
  letterbox,
  toFrame,
  type DecodeOptions,
  type RawDetection,
} from './blazeface-decode';
import type { Pixels } from './face-crop';

export class FaceDetector {
  private readonly anchors = generateAnchors(BLAZEFACE_INPUT_SIZE);

  private constructor(
    private readonly model: tf.GraphModel,
    private readonly options: DecodeOptions,
  ) {}

  /** Builds the model on the active backend. */
  static async load(artifacts: tf.io.ModelArtifacts, options = DEFAULT_DECODE_OPTIONS): Promise<FaceDetector> {
    return new FaceDetector(await tf.loadGraphModel(tf.io.fromMemory(artifacts)), options);
  }

  /** Outputs as [logits (896), regressors (896×16)], anchors of the stride-16 grid first. */
  private infer(pixels: Pixels): [tf.Tensor, tf.Tensor] {
    const size = BLAZEFACE_INPUT_SIZE;
    const lb = letterbox(pixels.width, pixels.height, size);
    return tf.tidy(() => {
      const data = new Uint8Array(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
      const rgb = tf.browser.fromPixels({ data, width: pixels.width, height: pixels.height }, 3);
      const resized = tf.image.resizeBilinear(rgb, [lb.height, lb.width]);
      const padded = tf.pad(resized, [
        [lb.top, size - lb.height - lb.top],
        [lb.left, size - lb.width - lb.left],
        [0, 0],
      ]);
      const input = tf.sub(tf.div(padded, 127.5), 1).expandDims(0);
      const outputs = this.model.execute(input) as tf.Tensor[];
      // Two score heads (…×1) and two regressor heads (…×16); the 512-anchor head comes first.
      const bySize = [...outputs].sort((a, b) => a.size - b.size);
      const [s384, s512, r384, r512] = bySize as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      return [tf.concat([s512.reshape([-1]), s384.reshape([-1])]), tf.concat([r512.reshape([-1]), r384.reshape([-1])])];
    });
  }

  async detect(pixels: Pixels): Promise<RawDetection[]> {
    const lb = letterbox(pixels.width, pixels.height, BLAZEFACE_INPUT_SIZE);
    const [logits, regressors] = this.infer(pixels);
    try {
      const [l, r] = await Promise.all([logits.data<'float32'>(), regressors.data<'float32'>()]);
      return decodeBlazeFace(l, r, this.anchors, this.options).map((d) => toFrame(d, lb));
    } finally {
      tf.dispose([logits, regressors]);
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
