/** BlazeFace on tfjs: a batch of square regions of the frame, decoded and merged on the CPU. */
import * as tf from './tf.js';
import {
  BLAZEFACE_INPUT_SIZE,
  DEFAULT_DECODE_OPTIONS,
  decodeBlazeFace,
  dropFaceParts,
  generateAnchors,
  nonMaxSuppression,
  toFrame,
  type DecodeOptions,
  type RawDetection,
  type Region,
} from './blazeface-decode.js';
import type { RegionSource } from './region-source.js';
import { readBack } from './read-back.js';

const ANCHORS = 896;

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
  private infer(source: RegionSource, regions: readonly Region[]): [tf.Tensor, tf.Tensor] {
    const size = BLAZEFACE_INPUT_SIZE;
    const inputs = regions.map((r) => {
      const { data, width, height } = source.read(r, size);
      return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
    });
    return tf.tidy(() => {
      // The converted graph has a fixed batch of 1, so regions run one after another.
      const heads = inputs.map((pixels) => {
        const input = tf.sub(tf.div(tf.browser.fromPixels(pixels, 3), 127.5), 1);
        const outputs = this.model.execute(tf.expandDims(input, 0)) as tf.Tensor[];
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
  async detect(source: RegionSource, regions: readonly Region[]): Promise<RawDetection[]> {
    if (regions.length === 0) return [];
    const [logits, regressors] = this.infer(source, regions);
    try {
      const [l, r] = await Promise.all([readBack(logits), readBack(regressors)]);
      const found = regions.flatMap((region, i) =>
        decodeBlazeFace(
          l.subarray(i * ANCHORS, (i + 1) * ANCHORS),
          r.subarray(i * ANCHORS * 16, (i + 1) * ANCHORS * 16),
          this.anchors,
          this.options,
        ).map((d) => toFrame(d, region)),
      );
      found.sort((a, b) => b.score - a.score);
      return dropFaceParts(nonMaxSuppression(found, this.options.iouThreshold, this.options.maxDetections));
    } finally {
      tf.dispose([logits, regressors]);
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
