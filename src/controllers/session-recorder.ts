import type { ReactiveControllerHost } from 'lit';
import type { LiveSecond } from '../live/types.js';
import { recordingActivity } from '../platform/activity.js';
import { lockRecording } from './patient-lock.js';
import { MAX_RECORDED_SECONDS, canResume, type EndReason } from '../shared/session-limits.js';
import {
  EMPTY_SECOND,
  StorageError,
  addMarker,
  appendSamples,
  combineMirror,
  finishSession,
  getSession,
  startSession,
  type Marker,
  type MirrorUse,
  type SampleInput,
  type Session,
  type SessionSource,
} from '../storage/index.js';
import { toStorageError, type RecorderState } from './recorder-state.js';

export type { RecorderState } from './recorder-state.js';
export type { EndReason } from '../shared/session-limits.js';

/** How often seconds left in memory are saved again after a failed write. */
const RETRY_EVERY_MS = 3_000;

const toSampleInput = ({ usable, probabilities, detectorScore }: LiveSecond): SampleInput => ({
  usable,
  probabilities,
  detectorScore,
});

/**
 * Keeps a recorded session in storage: appends each second of the live stream as it closes
 * (second `index` of the stream is stored second `first + index`), so a closed tab or a crash
 * loses at most about a second. It computes nothing: the live session hands it the seconds.
 * It ends the recording itself at the longest length allowed, and at the first write refused
 * for lack of space; the seconds not written then stay in memory until they can be saved.
 */
export class SessionRecorder {
  state: RecorderState = { status: 'idle' };

  /** The stored second of the stream's second 0 (a resumed session's length). */
  private first = 0;
  /** Closed seconds not written yet; the first of them is stored second `written`. */
  private pending: SampleInput[] = [];
  private written = 0;
  private writing: Promise<unknown> = Promise.resolve();
  /** A start or resume is loading its session: a second click must not open another. */
  private starting = false;
  private releaseLock: () => void = () => undefined;
  /** Once halted: the wall-clock end and why the app ended it (undefined: Stop). */
  private stoppedAt = 0;
  private endReason: EndReason | undefined;
  private retryTimer: ReturnType<typeof setInterval> | undefined;
  /** How the frames with a face since the last write were read; undefined while there was none. */
  private mirror: MirrorUse | undefined;

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  get session(): Session | null {
    return this.state.status === 'idle' ? null : this.state.session;
  }

  /** Starts a new session for the patient, beginning at wall-clock `startedAt`, from `source`. */
  async start(patientId: string, startedAt = Date.now(), source: SessionSource = 'camera'): Promise<Session> {
    return this.begin(await this.whenIdle(patientId, () => startSession(patientId, startedAt, source)));
  }

  /** Continues an interrupted session after its last stored second. */
  async resume(sessionId: string): Promise<Session> {
    const session = await getSession(sessionId);
    if (!canResume(session.startedAt)) throw new StorageError('invalid-input', `Session ${sessionId} is too old.`);
    return this.begin(await this.whenIdle(session.patientId, () => getSession(sessionId)));
  }

  /** Stores closed seconds of the stream, in order; a second already stored is left alone. */
  write(seconds: readonly LiveSecond[]): Promise<unknown> {
    if (!this.accepting) return this.writing;
    for (const second of seconds) {
      const stored = this.first + second.index;
      const next = this.written + this.pending.length;
      if (stored < next || stored >= MAX_RECORDED_SECONDS) continue;
      // The stream hands out every second, so this only fills a gap it never leaves.
      while (this.written + this.pending.length < stored) this.pending.push(EMPTY_SECOND);
      this.pending.push(toSampleInput(second));
    }
    if (this.written + this.pending.length >= MAX_RECORDED_SECONDS) return this.halt('time-limit');
    return this.flush();
  }

  /** A frame with a face was read, with its mirror image averaged in or not: the session keeps which. */
  observe(mirrored: boolean): void {
    if (this.accepting) this.mirror = combineMirror(this.mirror, mirrored ? 'all' : 'none');
  }

  /** Marks the moment `elapsedMs` into the stream, with an optional label. */
  async addMarker(elapsedMs: number, label = ''): Promise<Marker | undefined> {
    const state = this.state;
    if (state.status === 'idle') return undefined;
    const marker = await addMarker(state.session.id, this.first * 1000 + elapsedMs, label);
    if (this.state.status !== 'idle') this.setState({ ...this.state, markers: this.state.markers + 1 });
    return marker;
  }

  /**
   * Writes the last seconds (the partial last one included) and closes the session. When that
   * fails the recorder stays 'unsaved', keeps the seconds and tries again.
   */
  async stop(last: readonly LiveSecond[] = []): Promise<Session | undefined> {
    if (this.state.status === 'unsaved') return this.saveRest();
    if (!this.accepting) return undefined;
    await this.write(last);
    if (!this.accepting) return this.state.status === 'idle' ? this.state.ended?.session : undefined;
    return this.halt(undefined);
  }

  private get accepting(): boolean {
    return this.state.status === 'recording' || this.state.status === 'error';
  }

  /** Takes the patient's and the session's locks, refusing while this recorder is busy. */
  private async whenIdle(patientId: string, load: () => Promise<Session>): Promise<Session> {
    if (this.session || this.starting) throw new StorageError('in-use', 'A session is already being recorded.');
    this.starting = true;
    try {
      const { session, release } = await lockRecording(patientId, load);
      this.releaseLock = release;
      return session;
    } finally {
      this.starting = false;
    }
  }

  private begin(session: Session): Session {
    this.first = this.written = session.seconds;
    this.pending = [];
    this.mirror = undefined;
    this.endReason = undefined;
    this.setState({ status: 'recording', session, markers: 0 });
    return session;
  }

  /** Writes are chained so two never race; a failed write keeps its seconds for the next one. */
  private flush(): Promise<unknown> {
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  private async writePending(): Promise<void> {
    const state = this.state;
    if ((state.status !== 'recording' && state.status !== 'error') || this.pending.length === 0) return;
    try {
      const session = await this.writeBatch(state.session.id);
      if (this.accepting) this.setState({ status: 'recording', session, markers: state.markers });
    } catch (error) {
      const failure = toStorageError(error);
      if (failure.reason !== 'quota-exceeded') return this.setState({ ...state, status: 'error', error: failure });
      // The first write refused for lack of space ends the recording: nothing after it could be kept.
      this.stoppedAt = Date.now();
      this.endReason = 'storage-full';
      this.unsaved(failure);
    }
  }

  private async writeBatch(sessionId: string): Promise<Session> {
    const [batch, mirror] = [this.pending.slice(), this.mirror];
    this.mirror = undefined;
    const session = await appendSamples(sessionId, batch, Date.now(), mirror).catch((error: unknown) => {
      this.mirror = combineMirror(mirror, this.mirror);
      throw error;
    });
    this.pending.splice(0, batch.length);
    this.written += batch.length;
    return session;
  }

  /** Ends the recording: saves what is in memory and closes the session. */
  private halt(reason: EndReason | undefined): Promise<Session | undefined> {
    this.stoppedAt = Date.now();
    this.endReason = reason;
    return this.saveRest();
  }

  private saveRest(): Promise<Session | undefined> {
    const done = this.writing.then(() => this.closeSession());
    this.writing = done;
    return done;
  }

  private async closeSession(): Promise<Session | undefined> {
    const state = this.state;
    if (state.status === 'idle') return undefined;
    try {
      if (this.pending.length > 0) await this.writeBatch(state.session.id);
      const session = await finishSession(state.session.id, this.stoppedAt, this.endReason);
      clearInterval(this.retryTimer);
      this.retryTimer = undefined;
      this.releaseLock();
      const reason = this.endReason;
      this.setState(reason ? { status: 'idle', ended: { session, reason } } : { status: 'idle' });
      return session;
    } catch (error) {
      this.unsaved(toStorageError(error));
      return undefined;
    }
  }

  private unsaved(error: StorageError): void {
    const state = this.state;
    if (state.status === 'idle') return;
    const { session, markers } = state;
    this.setState({ status: 'unsaved', session, markers, pending: this.pending.length, error });
    this.retryTimer ??= setInterval(() => void this.saveRest(), RETRY_EVERY_MS);
  }

  private setState(state: RecorderState): void {
    this.state = state;
    recordingActivity.set(state.status !== 'idle');
    this.host.requestUpdate();
  }
}
