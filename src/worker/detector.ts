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
import { flexibleInput } from './flexible-input.js';

export class FaceDetector {
  private readonly anchors = new Map<number, Float32Array>();

  private constructor(
    private readonly model: tf.GraphModel,
    private readonly options: DecodeOptions,
  ) {}

  /** Builds the model on the active backend. */
  static async load(artifacts: tf.io.ModelArtifacts, options = DEFAULT_DECODE_OPTIONS): Promise<FaceDetector> {
    return new FaceDetector(await tf.loadGraphModel(tf.io.fromMemory(flexibleInput(artifacts))), options);
  }

  private anchorsOf(size: number): Float32Array {
    const known = this.anchors.get(size);
    if (known !== undefined) return known;
    const anchors = generateAnchors(size);
    this.anchors.set(size, anchors);
    return anchors;
  }

  /** Outputs per region as [logits (anchors), regressors (anchors×16)], the stride-16 anchors first. */
  private infer(source: RegionSource, regions: readonly Region[]): [tf.Tensor, tf.Tensor] {
    const inputs = regions.map((r) => {
      const { data, width, height } = source.read(r, r.input ?? BLAZEFACE_INPUT_SIZE);
      return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
    });
    return tf.tidy(() => {
      // The converted graph has a fixed batch of 1, so regions run one after another.
      const heads = inputs.map((pixels) => {
        const input = tf.sub(tf.div(tf.browser.fromPixels(pixels, 3), 127.5), 1);
        const outputs = this.model.execute(tf.expandDims(input, 0)) as tf.Tensor[];
        // Two score heads (1×k×1) and two regressor heads (1×k×16), k = 512 and 384 at 256 px.
        const [s384, s512, r384, r512] = [...outputs].sort((a, b) => a.size - b.size) as [
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
        ];
        return [tf.concat([s512, s384], 1), tf.concat([r512, r384], 1)] as const;
      });
      return [tf.concat(heads.map((h) => tf.reshape(h[0], [-1]))), tf.concat(heads.map((h) => tf.reshape(h[1], [-1])))];
    });
  }

  /** Faces in frame pixels, strongest first, merged across `regions`. */
  async detect(source: RegionSource, regions: readonly Region[]): Promise<RawDetection[]> {
    const found = await this.raw(source, regions);
    // A region that found no face of the expected size centred in it is looked at again through its fallback.
    const inside = (r: Region) => (d: RawDetection) =>
      Math.abs(d.x + d.width / 2 - r.x - r.size / 2) < r.size / 2 &&
      Math.abs(d.y + d.height / 2 - r.y - r.size / 2) < r.size / 2 &&
      (r.face === undefined || (d.width > r.face / 1.5 && d.width < r.face * 1.5));
    const retry = regions.flatMap((r) => (r.fallback !== undefined && !found.some(inside(r)) ? [r.fallback] : []));
    if (retry.length > 0) found.push(...(await this.raw(source, retry)));
    found.sort((a, b) => b.score - a.score);
    return dropFaceParts(nonMaxSuppression(found, this.options.iouThreshold, this.options.maxDetections));
  }

  /** Every region's detections in frame pixels, not yet merged. */
  private async raw(source: RegionSource, regions: readonly Region[]): Promise<RawDetection[]> {
    if (regions.length === 0) return [];
    const [logits, regressors] = this.infer(source, regions);
    try {
      const [l, r] = await Promise.all([readBack(logits), readBack(regressors)]);
      let at = 0;
      return regions.flatMap((region) => {
        const input = region.input ?? BLAZEFACE_INPUT_SIZE;
        const anchors = this.anchorsOf(input);
        const n = anchors.length / 2;
        const faces = decodeBlazeFace(
          l.subarray(at, at + n),
          r.subarray(at * 16, (at + n) * 16),
          anchors,
          this.options,
        ).map((d) => toFrame(d, region, input));
        at += n;
        return faces;
      });
    } finally {
      tf.dispose([logits, regressors]);
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
