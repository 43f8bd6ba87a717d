import { beforeEach, describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { SessionRecorder } from '../../src/controllers/session-recorder';
import { PatientBusyError, sessionsBeingRecorded } from '../../src/platform/recording-lock';
import { appendSamples, closeDatabase, createPatient, startSession } from '../../src/storage/index';

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};

beforeEach(async () => {
  await closeDatabase();
  await new Promise((resolve) => (indexedDB.deleteDatabase('resmo').onsuccess = resolve));
});

describe('recording lock (Web Locks, real Chromium)', () => {
  it('marks a session as being recorded until the recorder stops', async () => {
    const recorder = new SessionRecorder(host);
    const session = await recorder.start((await createPatient()).id);
    expect((await sessionsBeingRecorded())?.has(session.id)).toBe(true);
    await recorder.stop();
    expect((await sessionsBeingRecorded())?.has(session.id)).toBe(false);
  });

  it('lets only one recorder resume an interrupted session', async () => {
    const { id } = await startSession((await createPatient()).id);
    await appendSamples(id, [{ usable: 0, probabilities: null, detectorScore: null }]);
    const first = new SessionRecorder(host);
    const second = new SessionRecorder(host);
    await first.resume(id);
    // The patient's lock is taken first: the second recorder is told the patient is busy.
    await expect(second.resume(id)).rejects.toBeInstanceOf(PatientBusyError);
    await first.stop();
  });
});
