/** One frame through detection, cropping and classification, on whatever backend is active. */
import type { Box, FaceResult } from '../shared/protocol.js';
import type { RawDetection, Region } from './blazeface-decode.js';
import { EmotionClassifier } from './classifier.js';
import { FaceDetector } from './detector.js';
import { faceResults, type Crop } from './face-result.js';
import { cropGeometry, cropGrey, measureQuality, normalise, type Pixels } from './face-crop.js';
import { pixelRegionSource, type RegionSource } from './region-source.js';
import { RegionPlanner, followRegion, scanTiles } from './regions.js';
import { PatientFocus, type FocusStep } from './focus.js';
import type { ModelArtifactsSet } from './artifacts.js';
import { BackgroundRefresh, type Refreshed } from './background-refresh.js';
import type { BackgroundDetector } from './detector-link.js';

export interface PipelineOutput {
  faces: FaceResult[];
  detectMs: number;
  cropMs: number;
  classifyMs: number;
  /** Detector passes (regions) on this frame. */
  passes: number;
  /** Of those, the ones handed to the detector worker. */
  backgroundPasses: number;
  /** The detector worker's ms for the boxes this frame took up (0: none). */
  backgroundMs: number;
  /** The faces were read with their mirror images, the two averaged. */
  mirrored: boolean;
}

export { MOTION_THRESHOLD, moved, type MotionReference } from './motion.js';
import { moved, type MotionReference } from './motion.js';

export class FacePipeline {
  private readonly planner = new RegionPlanner();
  /** Grey crops of the faces at their last detection, to notice when a reused box no longer fits. */
  private reference: MotionReference[] = [];
  /** The previous frame, to tell a frozen face from a still one. */
  private previous: Pixels | null = null;
  /** The call's patient, once chosen: most frames read only them (see focus.ts). */
  private focus: PatientFocus | null = null;
  private focusReference: MotionReference | undefined;
  /** The faces of the last whole frame; while focused, the others' boxes shown beside the patient. */
  private gallery: FaceResult[] = [];
  private others: FaceResult[] = [];
  private background: BackgroundRefresh | null = null;

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
    const step = this.focus?.next() ?? 'gallery';
    if (this.focus !== null && step !== 'gallery') return this.runFocused(this.focus, step, pixels, source, mirror);
    const { width, height } = pixels;
    const refreshed = this.background?.take() ?? null;
    let cropMs = this.adopt(refreshed, maxFaces);
    let regions = this.planner.plan(width, height, maxFaces);
    let detectMs = 0;
    let passes = 0;
    let backgroundPasses = 0;
    if (regions.length > 0 && this.planner.refreshing && source.copy && this.background?.available()) {
      const copy = await source.copy().catch(() => null);
      if (copy !== null) {
        this.background.send(copy, pixels, regions);
        [passes, backgroundPasses, regions] = [regions.length, regions.length, []];
      }
    }
    const detectAndCrop = async (planned: Region[]): Promise<Crop[]> => {
      this.background?.cancel();
      passes += planned.length;
      const t0 = performance.now();
      const detections = (await this.detector.detect(source, planned)).slice(0, Math.max(0, maxFaces));
      this.planner.update(detections);
      const t1 = performance.now();
      const crops = this.remember(this.crop(pixels, detections));
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
    this.gallery = faces;
    if (this.focus !== null) this.others = faces.filter((f) => !this.focus?.owns(f.box));
    return {
      faces,
      detectMs,
      cropMs,
      classifyMs: performance.now() - t2,
      passes,
      backgroundPasses,
      backgroundMs: refreshed?.ms ?? 0,
      mirrored: mirror && faces.length > 0,
    };
  }

  /** Takes up a refresh made by the detector worker; returns the ms it took here. */
  private adopt(refreshed: Refreshed | null, maxFaces: number): number {
    if (refreshed === null) return 0;
    const t0 = performance.now();
    const detections = refreshed.detections.slice(0, Math.max(0, maxFaces));
    this.planner.update(detections);
    this.remember(this.crop(refreshed.pixels, detections));
    return performance.now() - t0;
  }

  /** Keeps the crops of the last detection, to notice when a reused box no longer fits. */
  private remember(crops: Crop[]): Crop[] {
    this.reference = crops.map(({ grey, quality }) => ({ grey, contrast: quality.contrast }));
    return crops;
  }

  /** Hands the settled scene's box refreshes to a detector worker (WASM: the other core). */
  setBackground(detector: BackgroundDetector): void {
    this.background?.dispose();
    this.background = new BackgroundRefresh(detector);
  }

  /** A focused frame: the patient alone, detected in one region or their box reused; then the others' boxes. */
  private async runFocused(
    focus: PatientFocus,
    step: FocusStep,
    pixels: Pixels,
    source: RegionSource,
    mirror: boolean,
  ): Promise<PipelineOutput> {
    const t0 = performance.now();
    const last = focus.current;
    let crops = last === null ? [] : this.crop(pixels, [last]);
    const t1 = performance.now();
    const redetect = step === 'detect' || crops.some((c) => moved(this.focusReference, c.grey));
    if (redetect) {
      const face = focus.pick(await this.detector.detect(source, [focus.region(pixels.width, pixels.height)]));
      crops = face === null ? [] : this.crop(pixels, [face]);
      this.focusReference = crops[0] && { grey: crops[0].grey, contrast: crops[0].quality.contrast };
    }
    const t2 = performance.now();
    const read = await this.classify(pixels, crops, mirror);
    this.previous = pixels;
    const [detectMs, cropMs, passes] = redetect ? [t2 - t1, t1 - t0, 1] : [0, t2 - t0, 0];
    const mirrored = mirror && read.length > 0;
    const classifyMs = performance.now() - t2;
    const faces = [...read, ...this.others];
    return { faces, detectMs, cropMs, classifyMs, passes, backgroundPasses: 0, backgroundMs: 0, mirrored };
  }

  /**
   * The clinician chose the call's patient (their box in a recent frame), or null: read every face
   * again. The faces of the last whole frame other than the patient are kept for the overlay.
   */
  setFocus(box: Box | null): void {
    this.background?.cancel();
    this.focus = box === null ? null : new PatientFocus(box);
    this.focusReference = undefined;
    this.others = this.focus === null ? [] : this.gallery.filter((f) => !this.focus?.owns(f.box));
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
    return faceResults(crops, probabilities, pixels, previous, this.classifier.metadata.input.width);
  }

  setRefreshInterval(n: number): void {
    this.planner.setRefreshInterval(n);
  }

  /** Starts afresh, searching the whole frame: for a new camera or stream. */
  resetTracking(): void {
    this.planner.reset();
    this.background?.cancel();
    this.reference = [];
    this.previous = null;
    this.gallery = [];
    this.setFocus(null);
  }

  dispose(): void {
    this.background?.dispose();
    this.detector.dispose();
    this.classifier.dispose();
  }
}
