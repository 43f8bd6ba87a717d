import type { ReactiveControllerHost } from 'lit';
import type { LiveSecond } from '../live/types.js';
import { recordingActivity } from '../platform/activity.js';
import { acquireRecordingLock } from '../platform/recording-lock.js';
import {
  EMPTY_SECOND,
  StorageError,
  addMarker,
  appendSamples,
  finishSession,
  getSession,
  startSession,
  type Marker,
  type SampleInput,
  type Session,
  type SessionSource,
} from '../storage/index.js';

export type RecorderState =
  | { status: 'idle' }
  | { status: 'recording'; session: Session; markers: number }
  /** Writing failed (e.g. storage full); recording continues and the next write retries. */
  | { status: 'error'; session: Session; markers: number; error: StorageError };

const toStorageError = (error: unknown): StorageError =>
  error instanceof StorageError ? error : new StorageError('unavailable', String(error), { cause: error });

const toSampleInput = ({ usable, probabilities, detectorScore }: LiveSecond): SampleInput => ({
  usable,
  probabilities,
  detectorScore,
});

/**
 * Keeps a recorded session in storage: appends each second of the live stream as it closes
 * (second `index` of the stream is stored second `first + index`), so a closed tab or a crash
 * loses at most about a second. It computes nothing: the live session hands it the seconds.
 */
export class SessionRecorder {
  state: RecorderState = { status: 'idle' };

  /** The stored second of the stream's second 0 (a resumed session's length). */
  private first = 0;
  /** Closed seconds not written yet; the first of them is stored second `written`. */
  private pending: SampleInput[] = [];
  private written = 0;
  private writing: Promise<void> = Promise.resolve();
  /** A start or resume is loading its session: a second click must not open another. */
  private starting = false;
  private releaseLock: () => void = () => undefined;

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  get session(): Session | null {
    return this.state.status === 'idle' ? null : this.state.session;
  }

  /** Starts a new session for the patient, beginning at wall-clock `startedAt`, from `source`. */
  async start(patientId: string, startedAt = Date.now(), source: SessionSource = 'camera'): Promise<Session> {
    return this.begin(await this.whenIdle(() => startSession(patientId, startedAt, source)));
  }

  /** Continues an interrupted session after its last stored second. */
  async resume(sessionId: string): Promise<Session> {
    return this.begin(await this.whenIdle(() => getSession(sessionId)));
  }

  /** Stores closed seconds of the stream, in order; a second already stored is left alone. */
  write(seconds: readonly LiveSecond[]): Promise<void> {
    if (!this.session) return this.writing;
    for (const second of seconds) {
      const stored = this.first + second.index;
      const next = this.written + this.pending.length;
      if (stored < next) continue;
      // The stream hands out every second, so this only fills a gap it never leaves.
      while (this.written + this.pending.length < stored) this.pending.push(EMPTY_SECOND);
      this.pending.push(toSampleInput(second));
    }
    return this.flush();
  }

  /** Marks the moment `elapsedMs` into the stream, with an optional label. */
  async addMarker(elapsedMs: number, label = ''): Promise<Marker | undefined> {
    const state = this.state;
    if (state.status === 'idle') return undefined;
    const marker = await addMarker(state.session.id, this.first * 1000 + elapsedMs, label);
    if (this.state.status !== 'idle') this.setState({ ...this.state, markers: this.state.markers + 1 });
    return marker;
  }

  /** Writes the last seconds (the partial last one included) and closes the session. */
  async stop(last: readonly LiveSecond[] = []): Promise<Session | undefined> {
    const session = this.session;
    if (!session) return undefined;
    try {
      await this.write(last);
      return await finishSession(session.id, Date.now());
    } finally {
      this.releaseLock();
      this.pending = [];
      this.setState({ status: 'idle' });
    }
  }

  /**
   * Loads the session to record and takes its lock, refusing while this recorder is busy or
   * another tab records that session.
   */
  private async whenIdle(load: () => Promise<Session>): Promise<Session> {
    if (this.session || this.starting) throw new StorageError('in-use', 'A session is already being recorded.');
    this.starting = true;
    try {
      const session = await load();
      if (session.endedAt !== null) throw new StorageError('invalid-input', `Session ${session.id} is finished.`);
      const release = await acquireRecordingLock(session.id);
      if (!release) throw new StorageError('in-use', `Session ${session.id} is being recorded in another tab.`);
      this.releaseLock = release;
      return session;
    } finally {
      this.starting = false;
    }
  }

  private begin(session: Session): Session {
    this.first = this.written = session.seconds;
    this.pending = [];
    this.setState({ status: 'recording', session, markers: 0 });
    return session;
  }

  /** Writes are chained so two never race; a failed write keeps its seconds for the next one. */
  private flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  private async writePending(): Promise<void> {
    const state = this.state;
    if (state.status === 'idle' || this.pending.length === 0) return;
    const batch = this.pending.slice();
    try {
      const session = await appendSamples(state.session.id, batch);
      this.pending.splice(0, batch.length);
      this.written += batch.length;
      if (this.state.status !== 'idle') this.setState({ status: 'recording', session, markers: this.state.markers });
    } catch (error) {
      this.setState({ status: 'error', session: state.session, markers: state.markers, error: toStorageError(error) });
    }
  }

  private setState(state: RecorderState): void {
    this.state = state;
    recordingActivity.set(state.status !== 'idle');
    this.host.requestUpdate();
  }
}
