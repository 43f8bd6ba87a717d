import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { SessionRecorder } from '../../src/controllers/session-recorder';
import type { LiveSecond } from '../../src/live/types';
import { createPatient } from '../../src/storage/patients';
import { appendSamples, getSamples, getSession, listMarkers, startSession } from '../../src/storage/sessions';
import { fakeSeconds } from '../support/fake-session';

beforeEach(freshDatabase);

const host = { requestUpdate: () => undefined };

const HAPPY_SECOND = { usable: 100, probabilities: [0, 0, 0, 90, 0, 0, 10], detectorScore: 80 };
const EMPTY = { usable: 0, probabilities: null, detectorScore: null };

function seconds(from: number, values: Omit<LiveSecond, 'index'>[]): LiveSecond[] {
  return values.map((v, i) => ({ index: from + i, ...v }));
}

describe('session recorder', () => {
  it('stores each second of the stream as it is handed over, once, empty seconds included', async () => {
    const recorder = new SessionRecorder(host);
    const session = await recorder.start((await createPatient()).id, 42_000);
    await recorder.write(seconds(0, [HAPPY_SECOND, EMPTY]));
    await recorder.write(seconds(1, [EMPTY, HAPPY_SECOND]));
    const samples = await getSamples(session.id);
    expect(samples.map((s) => s.second)).toEqual([0, 1, 2]);
    expect(samples[0]).toMatchObject({ usable: 100, detectorScore: 80, dominant: 'happy' });
    expect(samples[1]).toMatchObject({ usable: 0, probabilities: null, detectorScore: null, dominant: null });
    expect((await getSession(session.id)).startedAt).toBe(42_000);
    await recorder.stop();
  });

  it('keeps markers at the recording time and writes the partial last second on stop', async () => {
    const recorder = new SessionRecorder(host);
    const session = await recorder.start((await createPatient()).id);
    await recorder.write(seconds(0, [HAPPY_SECOND]));
    await recorder.addMarker(1_250, 'talked about work');
    const finished = await recorder.stop(seconds(1, [HAPPY_SECOND]));
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
    const recorder = new SessionRecorder(host);
    await recorder.resume(id);
    await recorder.write(seconds(0, [{ ...HAPPY_SECOND, probabilities: [0, 0, 0, 0, 60, 0, 40] }]));
    const samples = await getSamples(id);
    expect(samples.map((s) => s.second)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(samples[5]?.dominant).toBe('sad');
    await recorder.addMarker(1_400);
    expect((await listMarkers(id))[0]?.t).toBe(6_400);
    await recorder.stop();
  });

  it('refuses to start a second session while one is recording', async () => {
    const recorder = new SessionRecorder(host);
    const { id } = await createPatient();
    const first = recorder.start(id);
    // A double click: the second start arrives while the first is still creating its session.
    await expect(recorder.start(id)).rejects.toMatchObject({ reason: 'in-use' });
    await first;
    await expect(recorder.start(id)).rejects.toMatchObject({ reason: 'in-use' });
    await recorder.stop();
  });
});
