import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
} from '../storage/index.js';
import { MAX_RECORDED_SECONDS, canResume, type EndReason } from '../shared/session-limits.js';
import { recordingActivity } from './activity.js';
import { toStorageError, type RecorderOptions, type RecorderState } from './recorder-state.js';
import { lockRecording } from './recording-lock.js';
import { SecondBucket, type FrameReading } from './second-bucket.js';

export type { FrameReading } from './second-bucket.js';
export type { EndReason } from '../shared/session-limits.js';
export type { RecorderOptions, RecorderState } from './recorder-state.js';

/**
 * Records a session: aggregates frame readings per second and appends each completed second
 * to storage, so a closed tab or a crash loses at most about a second. A full disk stops the
 * recording at once; the seconds not yet written stay in memory and are saved when space is free.
 */
export class SessionRecorder implements ReactiveController {
  state: RecorderState = { status: 'idle' };

  private readonly clock: () => number;
  private readonly flushEveryMs: number;
  private readonly retryEveryMs: number;
  private readonly buckets = new Map<number, SecondBucket>();
  /** `clock()` at the start of this page's recording, and the stored second it maps to. */
  private origin = 0;
  private firstSecond = 0;
  /** The first second not yet written. */
  private nextSecond = 0;
  /** Once stopped: one past the last second to save, the wall-clock end, and why it ended. */
  private stopEnd = 0;
  private stoppedAt = 0;
  private endReason: EndReason | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setInterval> | undefined;
  private writing: Promise<unknown> = Promise.resolve();
  /** A start or resume is loading its session: a second click must not open another. */
  private starting = false;
  private releaseLock: () => void = () => undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: RecorderOptions = {},
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.flushEveryMs = options.flushEveryMs ?? 250;
    this.retryEveryMs = options.retryEveryMs ?? 3_000;
    host.addController(this);
  }

  get session(): Session | null {
    return this.state.status === 'idle' ? null : this.state.session;
  }

  /** Milliseconds of recording so far, counting the seconds of a resumed session. */
  get elapsedMs(): number {
    return this.isRecording ? this.clock() - this.origin + this.firstSecond * 1000 : 0;
  }

  /** Starts a new session for the patient (call from a user gesture). */
  async start(patientId: string): Promise<Session> {
    return this.begin(await this.whenIdle(patientId, () => startSession(patientId)));
  }

  /** Continues an interrupted session after its last stored second. */
  async resume(sessionId: string): Promise<Session> {
    const session = await getSession(sessionId);
    if (!canResume(session.startedAt)) throw new StorageError('invalid-input', `Session ${sessionId} is too old.`);
    return this.begin(await this.whenIdle(session.patientId, () => getSession(sessionId)));
  }

  /** Feeds one frame's result; frames from before the start are ignored. */
  add(reading: FrameReading): void {
    if (!this.isRecording || reading.t < this.origin) return;
    const second = this.currentSecond(reading.t);
    if (second < this.nextSecond || second >= MAX_RECORDED_SECONDS) return;
    let bucket = this.buckets.get(second);
    if (!bucket) this.buckets.set(second, (bucket = new SecondBucket()));
    bucket.add(reading);
  }

  async addMarker(label = ''): Promise<Marker | undefined> {
    const state = this.state;
    if (state.status === 'idle') return undefined;
    const marker = await addMarker(state.session.id, this.elapsedMs, label);
    if (this.state.status !== 'idle') this.setState({ ...this.state, markers: this.state.markers + 1 });
    return marker;
  }

  /**
   * Stops recording, writes what is left (the current partial second too) and closes the
   * session. When that fails the recorder stays 'unsaved' and keeps trying.
   */
  stop(): Promise<Session | undefined> {
    if (this.state.status === 'unsaved') return this.saveRest();
    if (!this.isRecording) return Promise.resolve(undefined);
    this.halt();
    return this.saveRest();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    void this.stop();
  }

  /** Appends every completed second (empty ones too, so seconds stay contiguous), chained. */
  flush(includeCurrent: boolean): Promise<void> {
    const done = this.writing.then(() => this.writeCompleted(includeCurrent));
    this.writing = done;
    return done;
  }

  /** Recording and taking frames: the timer runs from start until the recording halts. */
  private get isRecording(): boolean {
    return this.timer !== undefined && (this.state.status === 'recording' || this.state.status === 'error');
  }

  private currentSecond(t = this.clock()): number {
    return this.firstSecond + Math.floor((t - this.origin) / 1000);
  }

  /** Takes the patient's and the session's locks, refusing while this recorder is busy. */
  private async whenIdle(patientId: string, load: () => Promise<Session>): Promise<Session> {
    if (this.state.status !== 'idle' || this.starting)
      throw new StorageError('in-use', 'A session is already being recorded.');
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
    this.origin = this.clock();
    this.firstSecond = this.nextSecond = session.seconds;
    this.endReason = undefined;
    this.buckets.clear();
    this.setState({ status: 'recording', session, markers: 0 });
    this.timer = setInterval(() => void this.flush(false), this.flushEveryMs);
    return session;
  }

  /** Takes no more frames; what is in memory up to now (partial second included) is kept. */
  private halt(reason?: EndReason): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const current = this.currentSecond();
    this.stopEnd = Math.max(
      this.nextSecond,
      Math.min(MAX_RECORDED_SECONDS, current + Number(this.buckets.has(current))),
    );
    this.stoppedAt = Date.now();
    this.endReason = reason;
  }

  private async writeCompleted(includeCurrent: boolean): Promise<void> {
    const state = this.state;
    if (!this.isRecording || state.status === 'idle' || state.status === 'unsaved') return;
    const current = this.currentSecond();
    const end = Math.min(MAX_RECORDED_SECONDS, current + Number(includeCurrent && this.buckets.has(current)));
    try {
      const session = await this.writeUpTo(state.session.id, end);
      if (session && this.isRecording) this.setState({ status: 'recording', session, markers: state.markers });
      if (this.nextSecond >= MAX_RECORDED_SECONDS) {
        this.halt('time-limit');
        void this.saveRest();
      }
    } catch (error) {
      const failure = toStorageError(error);
      if (failure.reason !== 'quota-exceeded') return this.setState({ ...state, status: 'error', error: failure });
      // The first write refused for lack of space ends the recording: nothing after it could be kept.
      this.halt('storage-full');
      this.unsaved(failure);
    }
  }

  /** Writes the seconds in memory from `nextSecond` up to `end`; null when there are none. */
  private async writeUpTo(sessionId: string, end: number): Promise<Session | null> {
    if (end <= this.nextSecond) return null;
    const inputs: SampleInput[] = [];
    for (let s = this.nextSecond; s < end; s++) inputs.push(this.buckets.get(s)?.toSample() ?? EMPTY_SECOND);
    const session = await appendSamples(sessionId, inputs);
    for (let s = this.nextSecond; s < end; s++) this.buckets.delete(s);
    this.nextSecond = end;
    return session;
  }

  /** Saves the seconds left in memory and closes the session; never rejects. */
  private saveRest(): Promise<Session | undefined> {
    const done = this.writing.then(() => this.closeSession());
    this.writing = done;
    return done;
  }

  private async closeSession(): Promise<Session | undefined> {
    const state = this.state;
    if (state.status === 'idle') return undefined;
    try {
      await this.writeUpTo(state.session.id, this.stopEnd);
      const session = await finishSession(state.session.id, this.stoppedAt, this.endReason);
      this.retryTimer = void clearInterval(this.retryTimer);
      this.releaseLock();
      this.buckets.clear();
      this.setState(
        this.endReason ? { status: 'idle', ended: { session, reason: this.endReason } } : { status: 'idle' },
      );
      return session;
    } catch (error) {
      this.unsaved(toStorageError(error));
      return undefined;
    }
  }

  private unsaved(error: StorageError): void {
    const state = this.state;
    if (state.status === 'idle') return;
    const pending = this.stopEnd - this.nextSecond;
    this.setState({ status: 'unsaved', session: state.session, markers: state.markers, pending, error });
    this.retryTimer ??= setInterval(() => void this.saveRest(), this.retryEveryMs);
  }

  private setState(state: RecorderState): void {
    this.state = state;
    recordingActivity.set(state.status !== 'idle');
    this.host.requestUpdate();
  }

  /** A hidden tab may be closed or frozen without warning: write what is complete now. */
  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') void this.flush(false);
  };
}
