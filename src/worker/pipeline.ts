/** One frame through detection, cropping and classification, on whatever backend is active. */
import { EMOTION_LABELS } from '../shared/emotions';
import type { FaceKeypoints, FaceResult, Point } from '../shared/protocol';
import type { RawDetection } from './blazeface-decode';
import { EmotionClassifier } from './classifier';
import { FaceDetector } from './detector';
import { cropGeometry, cropGrey, measureQuality, normalise, type CropGeometry, type Pixels } from './face-crop';
import { pixelRegionSource, type RegionSource } from './region-source';
import { RegionPlanner, followRegion, scanTiles } from './regions';
import type { ModelArtifactsSet } from './artifacts';

export interface PipelineOutput {
  faces: FaceResult[];
  detectMs: number;
  cropMs: number;
  classifyMs: number;
}

interface Crop {
  detection: RawDetection;
  geometry: CropGeometry;
  grey: Float32Array;
  input: Float32Array;
}

function keypoints(k: readonly number[]): FaceKeypoints {
  const p = (i: number): Point => ({ x: k[2 * i] ?? 0, y: k[2 * i + 1] ?? 0 });
  return { rightEye: p(0), leftEye: p(1), nose: p(2), mouth: p(3), rightEar: p(4), leftEar: p(5) };
}

function argmax(values: readonly number[]): number {
  return values.reduce((best, v, i) => (v > (values[best] ?? -Infinity) ? i : best), 0);
}

export class FacePipeline {
  private readonly planner = new RegionPlanner();

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

  /** `pixels` feed the face crops; `source` (the same frame) feeds the detector. */
  async run(
    pixels: Pixels,
    maxFaces: number,
    source: RegionSource = pixelRegionSource(pixels),
  ): Promise<PipelineOutput> {
    const t0 = performance.now();
    const regions = this.planner.plan(pixels.width, pixels.height, maxFaces);
    const detections = (await this.detector.detect(source, regions)).slice(0, Math.max(0, maxFaces));
    this.planner.update(detections);
    const t1 = performance.now();
    const crops = this.crop(pixels, detections);
    const t2 = performance.now();
    const faces = await this.classify(crops);
    return { faces, detectMs: t1 - t0, cropMs: t2 - t1, classifyMs: performance.now() - t2 };
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
      return { detection, geometry, grey, input: normalise(grey, scale, offset) };
    });
  }

  private async classify(crops: Crop[]): Promise<FaceResult[]> {
    const probabilities = await this.classifier.classify(crops.map((c) => c.input));
    return crops.map(({ detection: d, geometry, grey }, i) => {
      const p = probabilities[i] ?? [];
      return {
        box: { x: d.x, y: d.y, width: d.width, height: d.height },
        keypoints: keypoints(d.keypoints),
        score: d.score,
        probabilities: p,
        top: EMOTION_LABELS[argmax(p)] ?? 'neutral',
        quality: measureQuality(grey, geometry, this.classifier.inputSize),
      };
    });
  }

  dispose(): void {
    this.detector.dispose();
    this.classifier.dispose();
  }
}
