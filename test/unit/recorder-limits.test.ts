import { beforeEach, describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { freshDatabase } from '../support/fresh-database';
import { SessionRecorder } from '../../src/controllers/session-recorder';
import { createPatient } from '../../src/storage/patients';
import { getSamples, getSession, startSession } from '../../src/storage/sessions';
import { MAX_RECORDED_SECONDS, RESUME_WITHIN_MS } from '../../src/shared/session-limits';

beforeEach(freshDatabase);

const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};

describe('recorder limits', () => {
  it('stops at the longest recording allowed and says why', { timeout: 120_000 }, async () => {
    const recorder = new SessionRecorder(host);
    const session = await recorder.start((await createPatient()).id);
    const seconds = Array.from({ length: MAX_RECORDED_SECONDS + 600 }, (_, index) => ({
      index,
      usable: 0,
      probabilities: null,
      detectorScore: null,
    }));
    await recorder.write(seconds as unknown as Parameters<SessionRecorder['write']>[0]);
    await expect.poll(() => recorder.state.status).toBe('idle');
    expect(recorder.state).toMatchObject({ status: 'idle', ended: { reason: 'time-limit' } });
    const stored = await getSession(session.id);
    expect(stored.seconds).toBe(MAX_RECORDED_SECONDS);
    expect(stored.endReason).toBe('time-limit');
    expect(stored.endedAt).not.toBeNull();
    expect((await getSamples(session.id)).length).toBe(MAX_RECORDED_SECONDS);
  });

  it('refuses to resume a session started more than a day ago', async () => {
    const { id } = await startSession((await createPatient()).id, Date.now() - RESUME_WITHIN_MS - 1);
    const recorder = new SessionRecorder(host);
    await expect(recorder.resume(id)).rejects.toMatchObject({ reason: 'invalid-input' });
    expect(recorder.state.status).toBe('idle');
  });
});
