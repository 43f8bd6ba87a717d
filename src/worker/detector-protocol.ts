/**
 * Messages between the inference worker and its detector worker: a second worker, on the other
 * core, that refreshes the boxes of a settled scene while the first goes on reading emotions.
 */
import type { RawDetection, Region } from './blazeface-decode.js';
import type * as tf from './tf.js';

/** The worker name that makes the inference worker's script run as the detector worker. */
export const DETECTOR_ROLE = 'resmo-detector';

export type DetectorRequest =
  | { type: 'init'; detector: tf.io.ModelArtifacts }
  | { type: 'detect'; id: number; frame: ImageBitmap | VideoFrame; width: number; height: number; regions: Region[] };

export type DetectorReply =
  | { type: 'ready' }
  | { type: 'detections'; id: number; detections: RawDetection[]; ms: number }
  | { type: 'failed'; id: number | null; message: string };
