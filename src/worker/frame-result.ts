/** The message body of one analysed frame. */
import * as tf from './tf.js';
import type { BackendName, FrameResult } from '../shared/protocol.js';
import type { PipelineOutput } from './pipeline.js';

export function frameResult(
  out: PipelineOutput,
  frame: { width: number; height: number },
  backend: BackendName,
  { decode, total }: { decode: number; total: number },
): FrameResult {
  return {
    faces: out.faces,
    frameWidth: frame.width,
    frameHeight: frame.height,
    timings: {
      decode,
      detect: out.detectMs,
      crop: out.cropMs,
      classify: out.classifyMs,
      total,
      ...(out.backgroundMs > 0 ? { background: out.backgroundMs } : {}),
    },
    backend,
    numTensors: tf.memory().numTensors,
    detectorPasses: out.passes,
    backgroundPasses: out.backgroundPasses,
    mirrored: out.mirrored,
  };
}
