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
  type SessionSource,
} from '../storage/index.js';
import { recordingActivity } from './activity.js';
import { acquireRecordingLock } from './recording-lock.js';
import { SecondBucket, type FrameReading } from './second-bucket.js';

export type { FrameReading } from './second-bucket.js';

export type RecorderState =
  | { status: 'idle' }
  | { status: 'recording'; session: Session; markers: number }
  /** Writing failed (e.g. storage full); recording continues and the next write retries. */
  | { status: 'error'; session: Session; markers: number; error: StorageError };

export interface RecorderOptions {
  /** Same clock as `FrameReading.t`. */
  clock?: () => number;
  /** How often completed seconds are written; under a second so a crash loses about one. */
  flushEveryMs?: number;
}

const toStorageError = (error: unknown): StorageError =>
  error instanceof StorageError ? error : new StorageError('unavailable', String(error), { cause: error });

/**
 * Records a session: aggregates frame readings per second and appends each completed second
 * to storage, so a closed tab or a crash loses at most about a second.
 */
export class SessionRecorder implements ReactiveController {
  state: RecorderState = { status: 'idle' };

  private readonly clock: () => number;
  private readonly flushEveryMs: number;
  private readonly buckets = new Map<number, SecondBucket>();
  /** `clock()` at the start of this page's recording, and the stored second it maps to. */
  private origin = 0;
  private firstSecond = 0;
  /** The first second not yet written. */
  private nextSecond = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** A start or resume is loading its session: a second click must not open another. */
  private starting = false;
  private releaseLock: () => void = () => undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: RecorderOptions = {},
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.flushEveryMs = options.flushEveryMs ?? 250;
    host.addController(this);
  }

  get session(): Session | null {
    return this.state.status === 'idle' ? null : this.state.session;
  }

  /** Milliseconds of recording so far, counting the seconds of a resumed session. */
  get elapsedMs(): number {
    return this.session ? this.clock() - this.origin + this.firstSecond * 1000 : 0;
  }

  /** Starts a new session for the patient (call from a user gesture). */
  async start(patientId: string, source: SessionSource = 'camera'): Promise<Session> {
    return this.begin(await this.whenIdle(() => startSession(patientId, Date.now(), source)));
  }

  /** Continues an interrupted session after its last stored second. */
  async resume(sessionId: string): Promise<Session> {
    return this.begin(await this.whenIdle(() => getSession(sessionId)));
  }

  /** Feeds one frame's result; frames from before the start are ignored. */
  add(reading: FrameReading): void {
    if (!this.session || reading.t < this.origin) return;
    const second = this.firstSecond + Math.floor((reading.t - this.origin) / 1000);
    if (second < this.nextSecond) return;
    let bucket = this.buckets.get(second);
    if (!bucket) this.buckets.set(second, (bucket = new SecondBucket()));
    bucket.add(reading);
  }

  /** Marks this moment, with an optional label. */
  async addMarker(label = ''): Promise<Marker | undefined> {
    const state = this.state;
    if (state.status === 'idle') return undefined;
    const marker = await addMarker(state.session.id, this.elapsedMs, label);
    if (this.state.status !== 'idle') this.setState({ ...this.state, markers: this.state.markers + 1 });
    return marker;
  }

  /** Writes what is left, including the current partial second, and closes the session. */
  async stop(): Promise<Session | undefined> {
    const session = this.session;
    if (!session) return undefined;
    this.stopTimer();
    try {
      await this.flush(true);
      return await finishSession(session.id, Date.now());
    } finally {
      this.releaseLock();
      this.buckets.clear();
      this.setState({ status: 'idle' });
    }
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    void this.stop();
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
    this.origin = this.clock();
    this.firstSecond = this.nextSecond = session.seconds;
    this.buckets.clear();
    this.setState({ status: 'recording', session, markers: 0 });
    this.timer = setInterval(() => void this.flush(false), this.flushEveryMs);
    return session;
  }

  /**
   * Appends every completed second (empty ones too, so seconds stay contiguous). Writes are
   * chained so two flushes never race; a failed write leaves the seconds for the next one.
   */
  flush(includeCurrent: boolean): Promise<void> {
    this.writing = this.writing.then(() => this.writeCompleted(includeCurrent));
    return this.writing;
  }

  private async writeCompleted(includeCurrent: boolean): Promise<void> {
    const state = this.state;
    if (state.status === 'idle') return;
    const current = this.firstSecond + Math.floor((this.clock() - this.origin) / 1000);
    const end = includeCurrent && this.buckets.has(current) ? current + 1 : current;
    if (end <= this.nextSecond) return;
    const inputs: SampleInput[] = [];
    for (let s = this.nextSecond; s < end; s++) inputs.push(this.buckets.get(s)?.toSample() ?? EMPTY_SECOND);
    try {
      const session = await appendSamples(state.session.id, inputs);
      for (let s = this.nextSecond; s < end; s++) this.buckets.delete(s);
      this.nextSecond = end;
      if (this.state.status !== 'idle') this.setState({ status: 'recording', session, markers: this.state.markers });
    } catch (error) {
      this.setState({ status: 'error', session: state.session, markers: state.markers, error: toStorageError(error) });
    }
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
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
