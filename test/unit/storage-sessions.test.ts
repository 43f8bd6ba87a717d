import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/fresh-database';
import { createPatient } from '../../src/storage/patients';
import {
  INTERRUPTED_AFTER_MS,
  addMarker,
  appendSamples,
  deleteSession,
  finishSession,
  getSamples,
  getSession,
  interruptedSessions,
  listMarkers,
  listSessions,
  setSessionNotes,
  startSession,
} from '../../src/storage/sessions';
import { dominantOf } from '../../src/storage/samples';
import { fakeSeconds } from '../support/fake-session';

beforeEach(freshDatabase);

describe('sessions', () => {
  it('appends contiguous seconds and keeps the session length in step', async () => {
    const { id: patientId } = await createPatient();
    const session = await startSession(patientId, 10_000);
    await appendSamples(session.id, fakeSeconds(3, 1), 11_000);
    const after = await appendSamples(session.id, fakeSeconds(2, 2), 12_000);
    expect(after).toMatchObject({ seconds: 5, updatedAt: 12_000, endedAt: null });
    const samples = await getSamples(session.id);
    expect(samples.map((s) => s.second)).toEqual([0, 1, 2, 3, 4]);
    for (const s of samples) expect(s.dominant).toBe(dominantOf(s.probabilities));
  });

  it('refuses samples for a finished session', async () => {
    const { id } = await startSession((await createPatient()).id);
    await finishSession(id);
    await expect(appendSamples(id, fakeSeconds(1))).rejects.toMatchObject({ reason: 'invalid-input' });
  });

  it('offers open sessions nobody writes to as interrupted, and ends them where the recording ends', async () => {
    const { id: patientId } = await createPatient();
    const stale = await startSession(patientId, 0);
    await appendSamples(stale.id, fakeSeconds(42), 42_000);
    const live = await startSession(patientId, 50_000);
    await appendSamples(live.id, fakeSeconds(1), 51_000);
    const now = 51_000 + INTERRUPTED_AFTER_MS - 1;
    expect((await interruptedSessions(now)).map((s) => s.id)).toEqual([stale.id]);
    const finished = await finishSession(stale.id);
    expect(finished.endedAt).toBe(42_000);
    expect((await interruptedSessions(now)).map((s) => s.id)).toEqual([]);
  });

  it('keeps notes and lists a patient’s sessions newest first', async () => {
    const { id: patientId } = await createPatient();
    const first = await startSession(patientId, 1);
    const second = await startSession(patientId, 2);
    await setSessionNotes(first.id, 'Calmer than last week.\nAsked about sleep.');
    expect((await getSession(first.id)).notes).toBe('Calmer than last week.\nAsked about sleep.');
    expect((await listSessions(patientId)).map((s) => s.id)).toEqual([second.id, first.id]);
    await expect(setSessionNotes(first.id, '<script>alert(1)</script>')).rejects.toMatchObject({
      reason: 'invalid-input',
    });
  });

  it('keeps markers in time order with optional labels, and deletes them with the session', async () => {
    const { id } = await startSession((await createPatient()).id);
    await addMarker(id, 5_400.4, '  talked about work ');
    await addMarker(id, 1_000);
    expect((await listMarkers(id)).map(({ t, label }) => ({ t, label }))).toEqual([
      { t: 1_000, label: '' },
      { t: 5_400, label: 'talked about work' },
    ]);
    await deleteSession(id);
    expect(await listMarkers(id)).toEqual([]);
    await expect(getSession(id)).rejects.toMatchObject({ reason: 'not-found' });
  });

  it('refuses a session for an unknown patient', async () => {
    await expect(startSession('nobody')).rejects.toMatchObject({ reason: 'not-found' });
  });
});
