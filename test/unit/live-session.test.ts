import { beforeEach, describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { freshDatabase } from '../support/fresh-database';
import { liveFace, liveFrame } from '../support/live-frames';
import { LiveSession } from '../../src/controllers/live-session';
import type { WorkerLike } from '../../src/controllers/worker-client';
import type { FrameResult, WorkerMessage, WorkerRequest } from '../../src/shared/protocol';
import { timelinePoint } from '../../src/shared/timeline';
import { createPatient } from '../../src/storage/patients';
import { getSamples, getSession, listMarkers } from '../../src/storage/sessions';

beforeEach(freshDatabase);

const HAPPY = [0, 0, 0, 0.9, 0, 0, 0.1];
const SAD = [0, 0, 0, 0, 0.6, 0, 0.4];

/** Replies as the worker would; the test decides what each frame's result is. */
class FakeWorker implements WorkerLike {
  private listener: ((event: never) => void) | null = null;
  postMessage(_message: WorkerRequest): void {}
  terminate(): void {}
  addEventListener(type: string, listener: (event: never) => void): void {
    if (type === 'message') this.listener = listener;
  }
  reply(message: WorkerMessage): void {
    this.listener?.({ data: message } as never);
  }
}

class Host implements ReactiveControllerHost {
  addController(_: ReactiveController): void {}
  removeController(_: ReactiveController): void {}
  requestUpdate(): void {}
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

/** A live session on hand-driven clocks, its worker ready, its timer parked. */
function liveSession() {
  const clock = { now: 0, wall: 1_700_000_000_000 };
  const worker = new FakeWorker();
  const live = new LiveSession(new Host(), {
    preferences: { smoothing: { kind: 'off' }, backend: 'auto', maxFaces: 4, mirror: true },
    worker: { createWorker: () => worker, models: { detector: 'd', classifier: 'c' }, storage: null },
    now: () => clock.now,
    wallClock: () => clock.wall + clock.now,
    tickMs: 1e9,
  });
  live.worker.start();
  worker.reply({ type: 'ready', backend: 'wasm', reason: 'measured', probes: [], fingerprint: 'f', modelVersion: '1' });
  let id = 1;
  /** 10 frames a second from `from` to `to` ms after `start`, each result made by `result`. */
  const feed = (start: number, from: number, to: number, result: (t: number) => FrameResult) => {
    for (let t = from; t < to; t += 100) {
      clock.now = start + t;
      worker.reply({ type: 'result', id: id++, timestamp: clock.now, result: result(t) });
    }
  };
  return { clock, live, feed };
}

describe('live session', () => {
  it('stores the seconds it draws: same frames, one aggregation, one clock', async () => {
    const { clock, live, feed } = liveSession();
    clock.now = 5_000;
    const session = await live.startRecording((await createPatient()).id);
    feed(5_000, 0, 1_000, (t) => liveFrame([liveFace(t < 500 ? HAPPY : SAD, 0.8)]));
    live.tick();
    clock.now = 6_250;
    await live.addMarker('talked about work');
    feed(5_000, 2_000, 3_000, (t) => liveFrame(t < 2_200 ? [] : [liveFace(SAD, 0.5)]));
    live.tick();
    feed(5_000, 3_000, 3_400, () => liveFrame([liveFace(HAPPY, 0.9)]));
    await live.stopRecording();

    const samples = await getSamples(session.id);
    expect(samples.map((s) => s.second)).toEqual([0, 1, 2, 3]);
    expect(samples[0]).toMatchObject({ usable: 100, detectorScore: 80, probabilities: [0, 0, 0, 45, 30, 0, 25] });
    expect(samples[1]).toMatchObject({ usable: 0, probabilities: null, detectorScore: null });
    expect(samples[2]).toMatchObject({ usable: 80, detectorScore: 50, probabilities: [0, 0, 0, 0, 60, 0, 40] });
    expect(samples[3]).toMatchObject({ usable: 100, detectorScore: 90, dominant: 'happy' });
    // What the live chart drew is what the review will draw from storage, second for second.
    const stored = samples.map((s) => timelinePoint(session.startedAt, s.second, s.probabilities));
    expect(live.stream.points).toEqual(stored);
    const markers = await listMarkers(session.id);
    expect(live.stream.markers).toEqual(markers.map((m) => ({ t: session.startedAt + m.t, label: m.label })));
    expect(markers.map((m) => m.t)).toEqual([1_250]);
  });

  it('leaves out frames captured before the recording started', async () => {
    const { clock, live, feed } = liveSession();
    clock.now = 10_000;
    const session = await live.startRecording((await createPatient()).id);
    // A result for a frame captured just before the start arrives just after it.
    feed(9_500, 0, 100, () => liveFrame([liveFace(SAD)]));
    feed(10_000, 0, 1_000, () => liveFrame([liveFace(HAPPY)]));
    clock.now = 11_000;
    live.tick();
    await live.stopRecording();
    const samples = await getSamples(session.id);
    expect(samples.map((s) => s.probabilities)).toEqual([[0, 0, 0, 90, 0, 0, 10]]);
    expect(live.stream.points).toEqual([timelinePoint(session.startedAt, 0, samples[0]!.probabilities)]);
  });

  it('records in the session whether its readings were mirror-averaged: all, none or some', async () => {
    const { clock, live, feed } = liveSession();
    const patient = (await createPatient()).id;
    const record = async (mirrored: (t: number) => boolean) => {
      const start = clock.now;
      const session = await live.startRecording(patient);
      feed(start, 0, 2_000, (t) => ({ ...liveFrame([liveFace(HAPPY)]), mirrored: mirrored(t) }));
      // Frames without a face say nothing about how faces were read.
      feed(start, 2_000, 2_500, () => ({ ...liveFrame([]), mirrored: false }));
      clock.now = start + 2_500;
      live.tick();
      await live.stopRecording();
      clock.now += 1_000;
      return (await getSession(session.id)).mirror;
    };
    expect(await record(() => true)).toBe('all');
    expect(await record(() => false)).toBe('none');
    // The engine changed mid-session (a lost GPU moved it to one that does not mirror).
    expect(await record((t) => t < 1_000)).toBe('some');
  });
});
