/**
 * The inference worker's message protocol. Types only: both sides import it with `import type`,
 * and each side handles the union it receives in one exhaustive `switch` on `type`.
 */
import type { EmotionLabel } from './emotions.js';
import type { InferenceError } from './inference-errors.js';

export type { InferenceError } from './inference-errors.js';

/** tfjs backends the worker can run on, in the order a user would expect them to be fastest. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** A settings override, or `auto` to let the worker measure. */
export type BackendPreference = BackendName | 'auto';

export interface Point {
  x: number;
  y: number;
}

/** Pixels of the frame as it was sent (not of any resized copy). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** BlazeFace's six keypoints; "right" is the subject's right (the left side of an unmirrored image). */
export interface FaceKeypoints {
  rightEye: Point;
  leftEye: Point;
  nose: Point;
  mouth: Point;
  rightEar: Point;
  leftEar: Point;
}

export interface FaceQuality {
  /** Side of the square face crop, in frame pixels. */
  sizePx: number;
  /** Mean grey level of the 48×48 crop, 0..1. */
  brightness: number;
  /** RMS contrast (standard deviation of grey levels) of the crop, 0..1. */
  contrast: number;
  /** Variance of the Laplacian of the crop, on grey levels scaled to 0..1; low means blurred. */
  sharpness: number;
  /** Head roll from the eye keypoints, degrees, positive clockwise in the image. */
  rollDeg: number;
}

export interface FaceResult {
  box: Box;
  keypoints: FaceKeypoints;
  /** Detector confidence, 0..1. */
  score: number;
  /** Probabilities in `EMOTION_LABELS` order, temperature applied; they sum to 1. */
  probabilities: number[];
  top: EmotionLabel;
  quality: FaceQuality;
  /**
   * Mean colours over the face and its surroundings, a zero-mean unit vector: their dot product
   * tells whether two faces are the same participant of a call.
   */
  signature?: number[];
  /** Mean absolute grey change (0..1) of the face's crop since the previous frame; 0 when frozen. */
  change?: number | null;
}

/** Milliseconds spent in each stage of one frame. */
export interface StageTimings {
  /** Reading the frame's pixels. */
  decode: number;
  /** BlazeFace over the frame's search and follow-up regions, with decoding. */
  detect: number;
  /** Cutting the 48×48 grey crops and measuring their quality. */
  crop: number;
  /** ResmoNet on the batch of crops, with the read-back and temperature. */
  classify: number;
  total: number;
  /** The detector worker's pass whose boxes this frame took up (on the other core: not in `total`). */
  background?: number;
}

export interface FrameResult {
  /** Faces sorted by detection score, at most `maxFaces`. */
  faces: FaceResult[];
  frameWidth: number;
  frameHeight: number;
  timings: StageTimings;
  backend: BackendName;
  /** `tf.memory().numTensors` after the frame; flat over time when nothing leaks. */
  numTensors: number;
  /** Regions the detector looked at on this frame (0 when the last boxes were reused). */
  detectorPasses?: number;
  /** Of those, the regions handed to the detector worker (WASM); a later frame takes up its boxes. */
  backgroundPasses?: number;
  /** The faces' probabilities are averaged over each face and its mirror image. */
  mirrored?: boolean;
}

/** One backend's outcome while the worker chose where to run. */
export type BackendProbe =
  | { backend: BackendName; ok: true; msPerFrame: number; software: boolean }
  | { backend: BackendName; ok: false; error: InferenceError };

/**
 * Why the worker runs where it does. `likely`: a first start answers at once on the backend that is
 * likely fastest here and measures the others afterwards; a second `ready` with `measured` follows.
 */
export type ChoiceReason = 'likely' | 'measured' | 'remembered' | 'preferred' | 'fallback';

/** What the UI keeps so the next session on this device skips the measurement. */
export interface BackendChoiceRecord {
  /** Identifies the app build and models; a different fingerprint means measure again. */
  fingerprint: string;
  backend: BackendName;
  probes: BackendProbe[];
}

export interface ModelUrls {
  /** BlazeFace `model.json`. */
  detector: string;
  /** ResmoNet `metadata.json`; its `modelUrl` is resolved against it. */
  classifier: string;
}

export interface InitRequest {
  type: 'init';
  models: ModelUrls;
  preference: BackendPreference;
  remembered: BackendChoiceRecord | null;
  maxFaces: number;
}

export interface FrameRequest {
  type: 'frame';
  id: number;
  /** The capture time, passed back untouched (e.g. `performance.now()` or the video's media time). */
  timestamp: number;
  /** Transferred, and closed by the worker. */
  frame: ImageBitmap | VideoFrame;
}

export interface SetBackendRequest {
  type: 'set-backend';
  preference: BackendPreference;
}

export interface SetMaxFacesRequest {
  type: 'set-max-faces';
  maxFaces: number;
}

/** Forget the faces followed so far: the picture now comes from another camera or stream. */
export interface ResetTrackingRequest {
  type: 'reset-tracking';
}

/**
 * Once settled, detect the followed faces on one frame in `refreshInterval` (default 8) and reuse
 * their boxes on the others; 1 detects on every frame, reusing nothing (the bench's no-reuse pairing).
 */
export interface SetTrackingRequest {
  type: 'set-tracking';
  refreshInterval: number;
}

/**
 * A call's patient was chosen (their box in a recent frame): read mostly them, in a region around
 * their face, and the whole gallery only now and then. Null: read every face again.
 */
export interface SetFocusRequest {
  type: 'set-focus';
  box: Box | null;
}

/**
 * Whether the clinician allows mirror averaging (each face read with its mirror image, the two
 * averaged). The worker applies it on the backends where it fits the frame budget (mirror-policy.ts).
 */
export interface SetMirrorRequest {
  type: 'set-mirror';
  mirror: boolean;
}

export interface DisposeRequest {
  type: 'dispose';
}

export type WorkerRequest =
  | InitRequest
  | FrameRequest
  | SetBackendRequest
  | SetMaxFacesRequest
  | ResetTrackingRequest
  | SetTrackingRequest
  | SetFocusRequest
  | SetMirrorRequest
  | DisposeRequest;

export type ProgressStage = 'loading-models' | 'warming-up';

export interface ProgressMessage {
  type: 'progress';
  stage: ProgressStage;
  backend?: BackendName;
  /** While loading the models: the share of their bytes downloaded (0–1), in steps of 5 %. */
  fraction?: number;
}

export interface ReadyMessage {
  type: 'ready';
  backend: BackendName;
  reason: ChoiceReason;
  probes: BackendProbe[];
  fingerprint: string;
  /** ResmoNet's `version` from its metadata. */
  modelVersion: string;
}

export interface ResultMessage {
  type: 'result';
  id: number;
  timestamp: number;
  result: FrameResult;
}

/** The backend changed mid-session after a lost GPU device; `from` is the one that was lost. */
export interface BackendChangedMessage {
  type: 'backend-changed';
  from: BackendName;
  backend: BackendName;
  reason: 'device-lost';
  error: InferenceError;
}

export interface ErrorMessage {
  type: 'error';
  /** The frame that failed, or null when the worker as a whole failed. */
  id: number | null;
  error: InferenceError;
}

export interface DisposedMessage {
  type: 'disposed';
}

export type WorkerMessage =
  ProgressMessage | ReadyMessage | ResultMessage | BackendChangedMessage | ErrorMessage | DisposedMessage;
