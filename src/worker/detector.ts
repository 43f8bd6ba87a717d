/** BlazeFace on tfjs: a batch of square regions of the frame, decoded and merged on the CPU. */
import * as tf from '@tensorflow/tfjs';
import {
  BLAZEFACE_INPUT_SIZE,
  DEFAULT_DECODE_OPTIONS,
  decodeBlazeFace,
  generateAnchors,
  nonMaxSuppression,
  toFrame,
  type DecodeOptions,
  type RawDetection,
  type Region,
} from './blazeface-decode';
import type { Pixels } from './face-crop';

const ANCHORS = 896;

/**
 * `tf.image.cropAndResize` box for `region`, such that output pixel i samples the frame at the
 * centre of the i-th of `out` equal steps across the region (the usual resize convention).
 */
export function cropBox(region: Region, width: number, height: number, out = BLAZEFACE_INPUT_SIZE): number[] {
  const step = region.size / out;
  const x1 = region.x + step / 2 - 0.5;
  const y1 = region.y + step / 2 - 0.5;
  const span = step * (out - 1);
  const nx = (x: number): number => x / Math.max(1, width - 1);
  const ny = (y: number): number => y / Math.max(1, height - 1);
  return [ny(y1), nx(x1), ny(y1 + span), nx(x1 + span)];
}

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

  /** Outputs as [logits (n×896), regressors (n×896×16)], the stride-16 anchors first. */
  private infer(pixels: Pixels, regions: readonly Region[]): [tf.Tensor, tf.Tensor] {
    const size = BLAZEFACE_INPUT_SIZE;
    return tf.tidy(() => {
      const data = new Uint8Array(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
      const rgb = tf.browser.fromPixels({ data, width: pixels.width, height: pixels.height }, 3);
      const boxes = regions.map((r) => cropBox(r, pixels.width, pixels.height, size));
      const crops = tf.image.cropAndResize(
        tf.expandDims(tf.cast(rgb, 'float32'), 0) as tf.Tensor4D,
        tf.tensor2d(boxes, [regions.length, 4]),
        tf.zeros([regions.length], 'int32') as tf.Tensor1D,
        [size, size],
      );
      const input = tf.sub(tf.div(crops, 127.5), 1);
      // The converted graph has a fixed batch of 1, so regions run one after another.
      const heads = tf.unstack(input).map((one) => {
        const outputs = this.model.execute(tf.expandDims(one, 0)) as tf.Tensor[];
        // Two score heads (1×k×1) and two regressor heads (1×k×16), k = 512 or 384.
        const [s384, s512, r384, r512] = [...outputs].sort((a, b) => a.size - b.size) as [
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
        ];
        return [tf.concat([s512, s384], 1), tf.concat([r512, r384], 1)] as const;
      });
      return [tf.concat(heads.map((h) => h[0])), tf.concat(heads.map((h) => h[1]))];
    });
  }

  /** Faces in frame pixels, strongest first, merged across `regions`. */
  async detect(pixels: Pixels, regions: readonly Region[]): Promise<RawDetection[]> {
    if (regions.length === 0) return [];
    const [logits, regressors] = this.infer(pixels, regions);
    try {
      const [l, r] = await Promise.all([logits.data<'float32'>(), regressors.data<'float32'>()]);
      const found = regions.flatMap((region, i) =>
        decodeBlazeFace(
          l.subarray(i * ANCHORS, (i + 1) * ANCHORS),
          r.subarray(i * ANCHORS * 16, (i + 1) * ANCHORS * 16),
          this.anchors,
          this.options,
        ).map((d) => toFrame(d, region)),
      );
      found.sort((a, b) => b.score - a.score);
      return nonMaxSuppression(found, this.options.iouThreshold, this.options.maxDetections);
    } finally {
      tf.dispose([logits, regressors]);
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
