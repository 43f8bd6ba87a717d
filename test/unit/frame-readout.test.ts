import { describe, expect, it } from 'vitest';
import { ANNOUNCE_EVERY_MS, FrameReadout } from '../../src/live/frame-readout';
import { LiveStream } from '../../src/live/live-stream';
import { liveFace, liveFrame as frame } from '../support/live-frames';

const HAPPY = [0, 0, 0, 0.9, 0, 0.1, 0];
const SAD = [0, 0, 0, 0.1, 0.9, 0, 0];

describe('FrameReadout', () => {
  it('shows nothing instead of a guess when the face is too dark, and records no probabilities', () => {
    const r = new FrameReadout({ kind: 'off' });
    const reading = r.push(frame([liveFace(HAPPY, 0.8, 150, 0.02)]), 0);
    expect(r.issues).toEqual(['too-dark']);
    expect(r.smoothed).toBeNull();
    expect(reading.probabilities).toBeNull();
  });

  it('analyses the largest face until another is picked', () => {
    const r = new FrameReadout({ kind: 'off' });
    const faces = [liveFace(SAD, 0.8, 80), liveFace(HAPPY, 0.8, 200)];
    r.push(frame(faces), 0);
    expect(r.analysedIndex).toBe(1);
    expect(r.issues).toEqual(['several-faces']);
    r.pick(0);
    r.push(frame(faces), 100);
    expect(r.analysedIndex).toBe(0);
    expect(r.smoothed).toEqual(SAD);
  });

  it('announces a new dominant emotion at most every few seconds', () => {
    const r = new FrameReadout({ kind: 'off' });
    r.push(frame([liveFace(HAPPY)]), 0);
    expect(r.announced).toBe('happy');
    r.push(frame([liveFace(SAD)]), ANNOUNCE_EVERY_MS / 2);
    expect(r.announced).toBe('happy');
    r.push(frame([liveFace(SAD)]), ANNOUNCE_EVERY_MS + 1);
    expect(r.announced).toBe('sad');
  });

  it('measures frames per second over the recent frames', () => {
    const r = new FrameReadout({ kind: 'off' });
    for (let t = 0; t <= 1000; t += 100) r.push(frame([liveFace(HAPPY)]), t);
    expect(r.fps).toBeCloseTo(10);
  });
});

describe('LiveStream', () => {
  it('draws one timeline point per second of its clock, with the mean of its usable frames', () => {
    const stream = new LiveStream({ kind: 'off' });
    stream.restart(5_000, 10_000);
    stream.push(frame([liveFace(HAPPY)]), 5_000);
    stream.push(frame([liveFace(SAD)]), 5_500);
    stream.push(frame([]), 6_000);
    stream.push(frame([liveFace(HAPPY)]), 7_000);
    stream.close(7_500);
    expect(stream.points.map((pt) => pt.t)).toEqual([10_000, 11_000]);
    expect(stream.points[0]?.p?.[3]).toBeCloseTo(0.5);
    expect(stream.points[1]?.p).toBeNull();
  });

  it('draws the seconds without frames too, so the chart keeps time with the recording', () => {
    const stream = new LiveStream({ kind: 'off' });
    stream.restart(0, 0);
    stream.push(frame([liveFace(HAPPY)]), 100);
    const closed = stream.close(3_200);
    expect(closed.map((s) => [s.index, s.usable])).toEqual([
      [0, 100],
      [1, 0],
      [2, 0],
    ]);
    expect(stream.points.map((pt) => pt.p === null)).toEqual([false, true, true]);
  });

  it('draws nothing before the first result (the model is loading), but hands those seconds out', () => {
    const stream = new LiveStream({ kind: 'off' });
    stream.restart(0, 0);
    expect(stream.close(2_500).map((s) => s.usable)).toEqual([0, 0]);
    expect(stream.points).toEqual([]);
    stream.push(frame([liveFace(HAPPY)]), 2_600);
    stream.close(3_000);
    expect(stream.points.map((pt) => pt.t)).toEqual([2_000]);
  });

  it('hands out the partial last second when the clock stops, and nothing twice', () => {
    const stream = new LiveStream({ kind: 'off' });
    stream.restart(0, 0);
    stream.push(frame([liveFace(SAD)]), 1_200);
    expect(stream.close(1_500).map((s) => s.index)).toEqual([0]);
    expect(stream.stop(1_600).map((s) => s.index)).toEqual([1]);
    expect(stream.close(5_000)).toEqual([]);
  });
});
