import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LiveStream } from '../live/live-stream.js';
import type { LiveSecond } from '../live/types.js';
import type { Preferences } from '../platform/preferences.js';
import type { FrameResult } from '../shared/protocol.js';
import { requestPersistence, type Marker, type Session, type SessionSource } from '../storage/index.js';
import { FramePump } from './frame-pump.js';
import { SessionRecorder } from './session-recorder.js';
import { WorkerClient, type WorkerClientOptions } from './worker-client.js';

export interface LiveSessionOptions {
  preferences: Pick<Preferences, 'smoothing' | 'backend' | 'maxFaces' | 'mirror'>;
  /** Worker options for tests (a fake worker, no localStorage); the app uses the defaults. */
  worker?: Omit<WorkerClientOptions, 'preference' | 'maxFaces' | 'mirror' | 'onResult' | 'onIdle'>;
  /** performance.now() and Date.now(), or a test's hand-driven clocks. */
  now?: () => number;
  wallClock?: () => number;
  /** How often completed seconds are closed and written; under a second so a crash loses about one. */
  tickMs?: number;
}

/**
 * One live consultation: video source → frame pump → worker → one per-second stream on one
 * clock → the readout, the live chart and the recorder, all fed from that stream. The clock
 * restarts when a recording starts, so stream second n is stored second n of the recording.
 */
export class LiveSession implements ReactiveController {
  readonly worker: WorkerClient;
  readonly recorder: SessionRecorder;
  readonly stream: LiveStream;

  private readonly pump: FramePump;
  private readonly now: () => number;
  private readonly wallClock: () => number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveSessionOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.wallClock = options.wallClock ?? (() => Date.now());
    this.stream = new LiveStream(options.preferences.smoothing);
    this.worker = new WorkerClient(host, {
      ...options.worker,
      preference: options.preferences.backend,
      maxFaces: options.preferences.maxFaces,
      mirror: options.preferences.mirror,
      onResult: (result, timestamp) => this.receive(result, timestamp),
      onIdle: () => this.pump.poke(),
    });
    this.pump = new FramePump(this.worker, this.now);
    this.recorder = new SessionRecorder(host);
    host.addController(this);
  }

  get recording(): boolean {
    return this.recorder.session !== null;
  }

  /** A new video track (or none): frames flow from it, and the clock runs while there is one. */
  attach(track: MediaStreamTrack | null): void {
    if (track === null) {
      this.pump.detach();
      if (!this.recording) this.stopClock();
      return;
    }
    this.stream.readout.reset();
    this.worker.start();
    this.worker.resetTracking();
    this.pump.attach(track);
    if (!this.stream.running) this.restartClock(this.wallClock());
  }

  /** Settings changed: apply them without a restart. */
  configure(preferences: LiveSessionOptions['preferences']): void {
    const before = this.options.preferences;
    this.options.preferences = preferences;
    this.stream.readout.configure(preferences.smoothing);
    if (preferences.backend !== before.backend) this.worker.setBackend(preferences.backend);
    if (preferences.maxFaces !== before.maxFaces) this.worker.setMaxFaces(preferences.maxFaces);
    if (preferences.mirror !== before.mirror) this.worker.setMirror(preferences.mirror);
  }

  /** The clinician chose another face on the overlay. */
  pick(index: number): void {
    this.stream.readout.pick(index);
  }

  /** Starts recording a new session for the patient, from `source` (call from a user gesture). */
  async startRecording(patientId: string, source: SessionSource = 'camera'): Promise<Session> {
    // Starting a recording is the moment the data starts to matter: ask the browser to keep it.
    void requestPersistence().catch(() => false);
    const startedAt = this.wallClock();
    const session = await this.recorder.start(patientId, startedAt, source);
    this.beginRecording(startedAt);
    return session;
  }

  /** Continues an interrupted session after its last stored second. */
  async resumeRecording(sessionId: string): Promise<Session> {
    const session = await this.recorder.resume(sessionId);
    this.beginRecording(this.wallClock());
    return session;
  }

  /** Marks this moment: stored, then drawn. */
  async addMarker(label = ''): Promise<Marker | undefined> {
    const elapsed = this.stream.elapsed(this.now());
    const marker = await this.recorder.addMarker(elapsed, label);
    if (marker) this.stream.drawMarker(elapsed, marker.label);
    this.host.requestUpdate();
    return marker;
  }

  /** Writes the last, partial second and closes the session; the live view goes on if the camera does. */
  async stopRecording(): Promise<Session | undefined> {
    if (!this.recording) return undefined;
    const last = this.pump.attached ? this.restartClock(this.wallClock()) : this.stopClock();
    return this.recorder.stop(last);
  }

  /** Closes the seconds completed by now, draws them and hands them to the recorder. */
  tick(): void {
    const closed = this.stream.close(this.now());
    if (closed.length === 0) return;
    void this.recorder.write(closed);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // The models load and warm up while the clinician looks at the screen, so that the first
    // emotion follows Start at once (it waited for the camera before: issue 26).
    this.worker.start();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.pump.detach();
    void this.stopRecording();
    this.stopClock();
  }

  private beginRecording(startedAt: number): void {
    // What the preview clock still held is drawn but belongs to no recording.
    this.restartClock(startedAt);
    this.stream.markers = [];
  }

  private receive(result: FrameResult, timestamp: number): void {
    this.stream.push(result, timestamp);
    if (result.faces.length > 0) this.recorder.observe(result.mirrored === true);
  }

  /** Restarts the clock now, at wall-clock `startedAt`; returns what the old clock still held. */
  private restartClock(startedAt: number): LiveSecond[] {
    const closed = this.stream.restart(this.now(), startedAt);
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), this.options.tickMs ?? 250);
    this.host.requestUpdate();
    return closed;
  }

  private stopClock(): LiveSecond[] {
    clearInterval(this.timer);
    this.timer = undefined;
    return this.stream.stop(this.now());
  }

  /** A hidden tab may be closed or frozen without warning: write what is complete now. */
  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.tick();
  };
}
