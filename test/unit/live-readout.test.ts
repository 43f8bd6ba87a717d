import { describe, expect, it } from 'vitest';
import { ANNOUNCE_EVERY_MS, LiveReadout } from '../../src/live/live-readout';
import type { FaceResult, FrameResult } from '../../src/shared/protocol';

const HAPPY = [0, 0, 0, 0.9, 0, 0.1, 0];
const SAD = [0, 0, 0, 0.1, 0.9, 0, 0];

function face(probabilities: number[], size = 150, brightness = 0.5): FaceResult {
  const p = { x: 0, y: 0 };
  return {
    box: { x: 0, y: 0, width: size, height: size },
    keypoints: { rightEye: p, leftEye: p, nose: p, mouth: p, rightEar: p, leftEar: p },
    score: 0.8,
    probabilities,
    top: 'happy',
    quality: { sizePx: size, brightness, contrast: 0.2, sharpness: 0.01, rollDeg: 0 },
  };
}

function frame(faces: FaceResult[]): FrameResult {
  return {
    faces,
    frameWidth: 640,
    frameHeight: 480,
    timings: { decode: 1, detect: 1, crop: 1, classify: 1, total: 4 },
    backend: 'wasm',
    numTensors: 0,
  };
}

describe('LiveReadout', () => {
  it('shows nothing instead of a guess when the face is too dark, and records no probabilities', () => {
    const r = new LiveReadout({ kind: 'off' });
    const reading = r.push(frame([face(HAPPY, 150, 0.02)]), 0, 0);
    expect(r.issues).toEqual(['too-dark']);
    expect(r.smoothed).toBeNull();
    expect(reading.probabilities).toBeNull();
  });

  it('analyses the largest face until another is picked', () => {
    const r = new LiveReadout({ kind: 'off' });
    const faces = [face(SAD, 80), face(HAPPY, 200)];
    r.push(frame(faces), 0, 0);
    expect(r.analysedIndex).toBe(1);
    expect(r.issues).toEqual(['several-faces']);
    r.pick(0);
    r.push(frame(faces), 100, 100);
    expect(r.analysedIndex).toBe(0);
    expect(r.smoothed).toEqual(SAD);
  });

  it('announces a new dominant emotion at most every few seconds', () => {
    const r = new LiveReadout({ kind: 'off' });
    r.push(frame([face(HAPPY)]), 0, 0);
    expect(r.announced).toBe('happy');
    r.push(frame([face(SAD)]), ANNOUNCE_EVERY_MS / 2, 0);
    expect(r.announced).toBe('happy');
    r.push(frame([face(SAD)]), ANNOUNCE_EVERY_MS + 1, 0);
    expect(r.announced).toBe('sad');
  });

  it('adds one timeline point per wall-clock second, with the mean of its usable frames', () => {
    const r = new LiveReadout({ kind: 'off' });
    r.push(frame([face(HAPPY)]), 0, 10_000);
    r.push(frame([face(SAD)]), 500, 10_500);
    r.push(frame([]), 1000, 11_000);
    r.push(frame([face(HAPPY)]), 2000, 12_000);
    expect(r.points.map((pt) => pt.t)).toEqual([10_000, 11_000]);
    expect(r.points[0]?.p?.[3]).toBeCloseTo(0.5);
    expect(r.points[1]?.p).toBeNull();
  });

  it('measures frames per second over the recent frames', () => {
    const r = new LiveReadout({ kind: 'off' });
    for (let t = 0; t <= 1000; t += 100) r.push(frame([face(HAPPY)]), t, t);
    expect(r.fps).toBeCloseTo(10);
  });
});
