import { beforeEach, describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { freshDatabase } from '../support/fresh-database';
import { SessionRecorder, type FrameReading } from '../../src/controllers/session-recorder';
import { createPatient } from '../../src/storage/patients';
import { appendSamples, getSamples, getSession, listMarkers, startSession } from '../../src/storage/sessions';
import { fakeSeconds } from '../support/fake-session';

beforeEach(freshDatabase);

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};

/** A recorder on a hand-driven clock; the timer is parked so the test decides when to write. */
function recorderAt(start: number) {
  const clock = { now: start };
  const recorder = new SessionRecorder(host, { clock: () => clock.now, flushEveryMs: 1e9 });
  return { clock, recorder };
}

const HAPPY = [0, 0, 0, 0.9, 0, 0, 0.1];
const SAD = [0, 0, 0, 0, 0.6, 0, 0.4];

/** 10 frames per second from `from` to `to` (ms since the start), each made by `frame`. */
function feed(
  recorder: SessionRecorder,
  start: number,
  from: number,
  to: number,
  frame: (t: number) => Omit<FrameReading, 't'>,
) {
  for (let t = from; t < to; t += 100) recorder.add({ t: start + t, ...frame(t) });
}

describe('session recorder', () => {
  it('writes one sample per completed second: mean probabilities, dominant, usable share, mean quality', async () => {
    const { clock, recorder } = recorderAt(5_000);
    const session = await recorder.start((await createPatient()).id);
    feed(recorder, 5_000, 0, 1_000, (t) => ({ probabilities: t < 500 ? HAPPY : SAD, quality: 0.8 }));
    feed(recorder, 5_000, 2_000, 3_000, (t) => ({ probabilities: t < 2_200 ? null : SAD, quality: 0.5 }));
    clock.now = 5_000 + 3_100;
    await recorder.flush(false);
    const samples = await getSamples(session.id);
    expect(samples.map((s) => s.second)).toEqual([0, 1, 2]);
    expect(samples[0]).toMatchObject({
      usable: 100,
      quality: 80,
      probabilities: [0, 0, 0, 45, 30, 0, 25],
      dominant: 'happy',
    });
    expect(samples[1]).toMatchObject({ usable: 0, probabilities: null, quality: null, dominant: null });
    expect(samples[2]).toMatchObject({
      usable: 80,
      quality: 50,
      probabilities: [0, 0, 0, 0, 60, 0, 40],
      dominant: 'sad',
    });
    expect((await getSession(session.id)).seconds).toBe(3);
  });

  it('keeps markers at the recording time and writes the partial last second on stop', async () => {
    const { clock, recorder } = recorderAt(0);
    const session = await recorder.start((await createPatient()).id);
    feed(recorder, 0, 0, 1_500, () => ({ probabilities: HAPPY }));
    clock.now = 1_250;
    await recorder.addMarker('talked about work');
    clock.now = 1_500;
    const finished = await recorder.stop();
    expect(finished?.endedAt).not.toBeNull();
    expect(finished?.seconds).toBe(2);
    expect((await listMarkers(session.id)).map(({ t, label }) => ({ t, label }))).toEqual([
      { t: 1_250, label: 'talked about work' },
    ]);
    expect(recorder.state.status).toBe('idle');
  });

  it('resumes an interrupted session after its last stored second', async () => {
    const { id } = await startSession((await createPatient()).id, Date.now() - 60_000);
    await appendSamples(id, fakeSeconds(5));
    const { clock, recorder } = recorderAt(100_000);
    await recorder.resume(id);
    feed(recorder, 100_000, 0, 1_000, () => ({ probabilities: SAD }));
    clock.now = 101_000;
    await recorder.flush(false);
    const samples = await getSamples(id);
    expect(samples.map((s) => s.second)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(samples[5]?.dominant).toBe('sad');
    clock.now = 101_400;
    await recorder.addMarker();
    expect((await listMarkers(id))[0]?.t).toBe(6_400);
    await recorder.stop();
  });

  it('refuses to start a second session while one is recording', async () => {
    const { recorder } = recorderAt(0);
    const { id } = await createPatient();
    const first = recorder.start(id);
    // A double click: the second start arrives while the first is still creating its session.
    await expect(recorder.start(id)).rejects.toMatchObject({ reason: 'in-use' });
    await first;
    await expect(recorder.start(id)).rejects.toMatchObject({ reason: 'in-use' });
    await recorder.stop();
  });
});
