/** One frame through detection, cropping and classification, on whatever backend is active. */
import { EMOTION_LABELS } from '../shared/emotions.js';
import type { FaceKeypoints, FaceQuality, FaceResult, Point } from '../shared/protocol.js';
import type { RawDetection, Region } from './blazeface-decode.js';
import { EmotionClassifier } from './classifier.js';
import { FaceDetector } from './detector.js';
import { appearanceSignature, frameChange } from './appearance.js';
import { cropGeometry, cropGrey, measureQuality, normalise, type CropGeometry, type Pixels } from './face-crop.js';
import { pixelRegionSource, type RegionSource } from './region-source.js';
import { RegionPlanner, followRegion, scanTiles } from './regions.js';
import type { ModelArtifactsSet } from './artifacts.js';

export interface PipelineOutput {
  faces: FaceResult[];
  detectMs: number;
  cropMs: number;
  classifyMs: number;
  /** Detector passes (regions) on this frame. */
  passes: number;
  /** The faces were read with their mirror images, the two averaged. */
  mirrored: boolean;
}

interface Crop {
  detection: RawDetection;
  geometry: CropGeometry;
  grey: Float32Array;
  input: Float32Array;
  quality: FaceQuality;
}

function keypoints(k: readonly number[]): FaceKeypoints {
  const p = (i: number): Point => ({ x: k[2 * i] ?? 0, y: k[2 * i + 1] ?? 0 });
  return { rightEye: p(0), leftEye: p(1), nose: p(2), mouth: p(3), rightEar: p(4), leftEar: p(5) };
}

/**
 * How much a face's 48×48 grey crop may change in its reused box before the face counts as moved:
 * the mean absolute difference divided by the reference crop's standard deviation, so the same
 * move counts the same in a dim room as in a bright one. On 120 FER2013 faces in composed scenes
 * (64–160 px), at full and at 30 % contrast alike, a shift of 4 % of the crop gave 0.44 (median;
 * 0.33 at the 10th percentile), 2 % gave 0.25, 8 % gave 0.68; camera noise of 3 grey levels gave
 * at most 0.04 at full contrast and 0.12 at 30 %. ResmoNet is trained with shifts of up to 10 %, so
 * smaller moves can wait for the next planned refresh.
 */
export const MOTION_THRESHOLD = 0.3;

/** Standard deviations under this many grey levels count as this many: flat crops are not noise. */
const MIN_SPREAD = 4;

/** A face's grey crop at its last detection, with the RMS contrast `measureQuality` gave it. */
export interface MotionReference {
  grey: Float32Array;
  contrast: number;
}

/** Whether the crop `now` differs from `before` (same size) by more than MOTION_THRESHOLD. */
export function moved(before: MotionReference | undefined, now: Float32Array): boolean {
  if (before?.grey.length !== now.length) return true;
  let difference = 0;
  for (let i = 0; i < now.length; i++) difference += Math.abs((now[i] ?? 0) - (before.grey[i] ?? 0));
  const spread = Math.max(before.contrast * 255, MIN_SPREAD);
  return difference / now.length / spread > MOTION_THRESHOLD;
}

function argmax(values: readonly number[]): number {
  return values.reduce((best, v, i) => (v > (values[best] ?? -Infinity) ? i : best), 0);
}

export class FacePipeline {
  private readonly planner = new RegionPlanner();
  /** Grey crops of the faces at their last detection, to notice when a reused box no longer fits. */
  private reference: MotionReference[] = [];
  /** The previous frame, to tell a frozen face from a still one. */
  private previous: Pixels | null = null;

  private constructor(
    private readonly detector: FaceDetector,
    private readonly classifier: EmotionClassifier,
  ) {}

  /** Builds both models on the active tfjs backend. */
  static async create(artifacts: ModelArtifactsSet): Promise<FacePipeline> {
    const detector = await FaceDetector.load(artifacts.detector);
    try {
      return new FacePipeline(detector, await EmotionClassifier.load(artifacts.classifier, artifacts.metadata));
    } catch (e) {
      detector.dispose();
      throw e;
    }
  }

  /**
   * `pixels` feed the face crops; `source` (the same frame) feeds the detector. On frames the
   * planner leaves without regions, the last boxes are cropped again; if a face moved in its crop,
   * the followed faces are detected again on this frame.
   */
  async run(
    pixels: Pixels,
    maxFaces: number,
    source: RegionSource = pixelRegionSource(pixels),
    mirror = false,
  ): Promise<PipelineOutput> {
    const { width, height } = pixels;
    const regions = this.planner.plan(width, height, maxFaces);
    let detectMs = 0;
    let cropMs = 0;
    let passes = 0;
    const detectAndCrop = async (planned: Region[]): Promise<Crop[]> => {
      passes += planned.length;
      const t0 = performance.now();
      const detections = (await this.detector.detect(source, planned)).slice(0, Math.max(0, maxFaces));
      this.planner.update(detections);
      const t1 = performance.now();
      const crops = this.crop(pixels, detections);
      this.reference = crops.map(({ grey, quality }) => ({ grey, contrast: quality.contrast }));
      detectMs += t1 - t0;
      cropMs += performance.now() - t1;
      return crops;
    };
    let crops: Crop[];
    if (regions.length > 0) {
      crops = await detectAndCrop(regions);
    } else {
      const t0 = performance.now();
      crops = this.crop(pixels, this.planner.tracked(maxFaces));
      cropMs += performance.now() - t0;
      if (crops.some((c, i) => moved(this.reference[i], c.grey))) {
        crops = await detectAndCrop(this.planner.followRegions(width, height, maxFaces));
      }
    }
    const t2 = performance.now();
    const faces = await this.classify(pixels, crops, mirror);
    this.previous = pixels;
    return {
      faces,
      detectMs,
      cropMs,
      classifyMs: performance.now() - t2,
      passes,
      mirrored: mirror && faces.length > 0,
    };
  }

  /**
   * Time of a frame with one face followed while searching for more: two detector regions, and
   * one central crop through the classifier.
   */
  async timeOneFace(pixels: Pixels): Promise<number> {
    const t0 = performance.now();
    const { width: w, height: h } = pixels;
    const face = { score: 1, x: w / 2 - 16, y: h / 2 - 16, width: 32, height: 32, keypoints: [] };
    const regions = [followRegion(face, Math.max(w, h)), ...scanTiles(w, h).slice(0, 1)];
    await this.detector.detect(pixelRegionSource(pixels), regions);
    const { scale, offset, width } = this.classifier.metadata.input;
    const geometry = { cx: w / 2, cy: h / 2, size: Math.min(w, h) / 3, angle: 0 };
    await this.classifier.classify([normalise(cropGrey(pixels, geometry, width), scale, offset)]);
    return performance.now() - t0;
  }

  private crop(pixels: Pixels, detections: RawDetection[]): Crop[] {
    const { scale, offset, width } = this.classifier.metadata.input;
    return detections.map((detection) => {
      const geometry = cropGeometry(detection);
      const grey = cropGrey(pixels, geometry, width);
      const quality = measureQuality(grey, geometry, width);
      return { detection, geometry, grey, input: normalise(grey, scale, offset), quality };
    });
  }

  private async classify(pixels: Pixels, crops: Crop[], mirror: boolean): Promise<FaceResult[]> {
    const probabilities = await this.classifier.classify(
      crops.map((c) => c.input),
      mirror,
    );
    const previous =
      this.previous?.width === pixels.width && this.previous.height === pixels.height ? this.previous : null;
    return crops.map(({ detection: d, geometry, grey, quality }, i) => {
      const p = probabilities[i] ?? [];
      const box = { x: d.x, y: d.y, width: d.width, height: d.height };
      return {
        box,
        keypoints: keypoints(d.keypoints),
        score: d.score,
        probabilities: p,
        top: EMOTION_LABELS[argmax(p)] ?? 'neutral',
        quality,
        signature: appearanceSignature(pixels, box),
        change: frameChange(previous, grey, geometry, this.classifier.metadata.input.width),
      };
    });
  }

  setRefreshInterval(n: number): void {
    this.planner.setRefreshInterval(n);
  }

  /** Starts afresh, searching the whole frame: for a new camera or stream. */
  resetTracking(): void {
    this.planner.reset();
    this.reference = [];
    this.previous = null;
  }

  dispose(): void {
    this.detector.dispose();
    this.classifier.dispose();
  }
}
