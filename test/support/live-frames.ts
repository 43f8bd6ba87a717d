import type { FaceResult, FrameResult } from '../../src/shared/protocol';

/** A well-lit, sharp, large enough face with these probabilities and this detector score. */
export function liveFace(probabilities: number[], score = 0.8, size = 150, brightness = 0.5): FaceResult {
  const p = { x: 0, y: 0 };
  return {
    box: { x: 0, y: 0, width: size, height: size },
    keypoints: { rightEye: p, leftEye: p, nose: p, mouth: p, rightEar: p, leftEar: p },
    score,
    probabilities,
    top: 'happy',
    quality: { sizePx: size, brightness, contrast: 0.2, sharpness: 0.01, rollDeg: 0 },
  };
}

export function liveFrame(faces: FaceResult[]): FrameResult {
  return {
    faces,
    frameWidth: 640,
    frameHeight: 480,
    timings: { decode: 1, detect: 1, crop: 1, classify: 1, total: 4 },
    backend: 'wasm',
    numTensors: 0,
  };
}
