import type { ReactiveControllerHost } from 'lit';
import type { SessionSource } from '../storage/index.js';
import type { LiveSession } from './live-session.js';

/**
 * What the consultation's session controls ask for, done on the live session: start (camera
 * first, if it is off), resume, mark, stop. A failure is kept as `error` for the screen to word;
 * the last stopped session is kept for its "Session saved" note and report link.
 */
export class RecordingActions {
  /** Why the last action failed; null when it did not. */
  error: unknown = null;
  /** The session stopped last on this screen. */
  savedSessionId = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly live: LiveSession,
  ) {}

  /**
   * The one start path: every recording starts here. `check` runs first and may refuse (for
   * instance a patient's consent, asked before the first recording); `ensureSource` then turns
   * the camera (or the shared call) on if it is off, so a single button records.
   */
  start(
    patientId: string,
    source: SessionSource,
    check: (patientId: string) => Promise<boolean>,
    ensureSource: () => Promise<void>,
  ): Promise<void> {
    return this.run(async () => {
      if (!(await check(patientId))) return;
      await ensureSource();
      this.savedSessionId = '';
      await this.live.startRecording(patientId, source);
    });
  }

  resume(sessionId: string): Promise<void> {
    return this.run(() => this.live.resumeRecording(sessionId));
  }

  mark(label: string): Promise<void> {
    return this.run(() => this.live.addMarker(label));
  }

  stop(): Promise<void> {
    return this.run(async () => {
      const session = await this.live.stopRecording();
      if (session) this.savedSessionId = session.id;
    });
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.error = null;
    this.host.requestUpdate();
    try {
      await action();
    } catch (error) {
      this.error = error;
    }
    this.host.requestUpdate();
  }
}
