import { describe, expect, it } from 'vitest';
import { PatientFocus, type FocusStep } from '../../src/worker/focus';
import type { RawDetection } from '../../src/worker/blazeface-decode';

const detection = (x: number, y: number, size = 100): RawDetection => ({
  score: 0.9,
  x,
  y,
  width: size,
  height: size,
  keypoints: [x + 30, y + 40, x + 70, y + 40],
});

describe('reading only the chosen patient of a call', () => {
  it('detects around the patient on one frame in 8, reuses the box between, and runs the whole gallery on one in 30', () => {
    const focus = new PatientFocus({ x: 600, y: 100, width: 100, height: 100 });
    const steps: FocusStep[] = [];
    for (let f = 0; f < 61; f++) {
      const step = focus.next();
      steps.push(step);
      if (step === 'detect') focus.pick([detection(602, 101)]);
    }
    expect(steps.filter((s) => s === 'gallery')).toHaveLength(2);
    expect(steps[30]).toBe('gallery');
    expect(steps[60]).toBe('gallery');
    const detections = steps.filter((s) => s === 'detect').length;
    expect(detections).toBeGreaterThanOrEqual(7);
    expect(detections).toBeLessThanOrEqual(8);
    expect(steps.filter((s) => s === 'reuse').length).toBeGreaterThan(45);
  });

  it('looks in one zoomed square around the patient, not at the whole 1280×720 frame', () => {
    const focus = new PatientFocus({ x: 600, y: 100, width: 100, height: 100 });
    const region = focus.region(1280, 720);
    // 1.6× the face read at 96 px, else 4× the face at 256 px.
    expect(region).toMatchObject({ size: 160, input: 96, fallback: { size: 400 } });
    for (const r of [region, region.fallback ?? region]) {
      expect(r.x + r.size / 2).toBe(650);
      expect(r.y + r.size / 2).toBe(150);
    }
  });

  it('keeps the face nearest the patient when another face crosses the region, and follows a move', () => {
    const focus = new PatientFocus({ x: 600, y: 100, width: 100, height: 100 });
    focus.next();
    const crossing = detection(540, 120);
    expect(focus.pick([crossing, detection(620, 105)])).toMatchObject({ x: 620 });
    expect(focus.pick([detection(660, 110, 120)])).toMatchObject({ x: 660, width: 120 });
    expect(focus.current).toMatchObject({ x: 660 });
  });

  it('reports the patient missing rather than take a face out of reach, and looks on every frame until found', () => {
    const focus = new PatientFocus({ x: 600, y: 100, width: 100, height: 100 });
    focus.next();
    expect(focus.pick([detection(600, 100)])).not.toBeNull();
    expect(focus.pick([detection(900, 100)])).toBeNull();
    expect(focus.current).toBeNull();
    expect([focus.next(), focus.next(), focus.next()]).toEqual(['detect', 'detect', 'detect']);
    expect(focus.pick([detection(640, 120)])).toMatchObject({ x: 640 });
    expect(focus.next()).toBe('reuse');
  });

  it('tells the patient’s box from the others on whole-gallery frames', () => {
    const focus = new PatientFocus({ x: 600, y: 100, width: 100, height: 100 });
    expect(focus.owns({ x: 620, y: 110, width: 90, height: 90 })).toBe(true);
    expect(focus.owns({ x: 100, y: 400, width: 100, height: 100 })).toBe(false);
  });
});
