import { StuckWatch, awayFromGpu } from './stuck-watch.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { unhandled } from '../shared/exhaustive.js';
import type {
  BackendChangedMessage,
  BackendName,
  BackendPreference,
  BackendProbe,
  ChoiceReason,
  FrameResult,
  InferenceError,
  ProgressMessage,
  ReadyMessage,
  WorkerMessage,
  WorkerRequest,
} from '../shared/protocol.js';
import {
  deviceStorage,
  forgetBackendChoice,
  readBackendChoice,
  rememberBackendChoice,
  type ChoiceStorage,
} from '../platform/backend-choice.js';
import { defaultModelUrls } from '../platform/model-urls.js';
import { FrameSlot, type InferenceFrame } from './frame-slot.js';
import { listen, spawnWorker, type WorkerLike } from './worker-spawn.js';
import type { InferenceStatus, WorkerClientOptions } from './worker-client-options.js';

export type { InferenceFrame } from './frame-slot.js';
export type { WorkerLike } from './worker-spawn.js';
export type { InferenceStatus, WorkerClientOptions } from './worker-client-options.js';

/**
 * The page's one door to the inference worker: spawns it, restarts it after a crash, speaks the
 * typed protocol, and keeps at most one frame in flight (a newer frame replaces a waiting one).
 */
export class WorkerClient implements ReactiveController {
  status: InferenceStatus = 'idle';
  progress: ProgressMessage | null = null;
  backend: BackendName | null = null;
  reason: ChoiceReason | null = null;
  /** Every backend's measurement (or why it could not run), from the worker's choice. */
  probes: BackendProbe[] = [];
  result: FrameResult | null = null;
  error: InferenceError | null = null;
  /** Set when the worker had to leave a backend mid-session (lost GPU device). */
  fallback: BackendChangedMessage | null = null;

  private worker: WorkerLike | null = null;
  private readonly watch: StuckWatch;
  private readonly slot = new FrameSlot((request, transfer) => this.post(request, transfer, true));
  private restarts = 0;
  private preference: BackendPreference;
  private maxFaces: number;
  private mirror: boolean;
  private readonly storage: ChoiceStorage;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: WorkerClientOptions = {},
  ) {
    this.preference = options.preference ?? 'auto';
    [this.maxFaces, this.mirror] = [options.maxFaces ?? 4, options.mirror ?? true];
    this.storage = options.storage === undefined ? deviceStorage() : options.storage;
    this.watch = new StuckWatch(() => this.stuck(), options.watchGpu);
    host.addController(this);
  }

  /** Frames closed unsent because a newer one replaced them. */
  get framesDropped(): number {
    return this.slot.framesDropped;
  }

  /** Ready, running and no frame in flight: a frame offered now goes at once. */
  get idle(): boolean {
    return this.status === 'ready' && this.worker !== null && !this.slot.busy;
  }

  /** Spawns the worker and loads the models; call from a user gesture (starting a consultation). */
  start(): void {
    if (this.worker !== null) return;
    this.restarts = 0;
    this.spawn();
  }

  stop(): void {
    this.watch.close();
    this.slot.clear();
    if (this.worker !== null) {
      this.worker.postMessage({ type: 'dispose' }, []);
      // The worker closes itself after disposing; terminate is the backstop if it is stuck.
      const worker = this.worker;
      setTimeout(() => worker.terminate(), 1000);
    }
    this.worker = null;
    this.status = 'stopped';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** A settings override, or `auto` to measure again. */
  setBackend(preference: BackendPreference): void {
    this.preference = preference;
    if (this.worker === null) return;
    this.status = 'loading';
    this.post({ type: 'set-backend', preference });
  }

  setMaxFaces(maxFaces: number): void {
    this.maxFaces = maxFaces;
    if (this.worker !== null) this.post({ type: 'set-max-faces', maxFaces });
  }

  /** Whether the clinician allows mirror averaging (the worker applies it where it fits). */
  setMirror(mirror: boolean): void {
    this.mirror = mirror;
    if (this.worker !== null) this.post({ type: 'set-mirror', mirror });
  }

  /** A new video source: faces tracked so far belong to the old one. */
  resetTracking(): void {
    if (this.worker !== null) this.post({ type: 'reset-tracking' });
  }

  /**
   * Offers a frame, which the client then owns (it is transferred or closed). Returns false if it
   * was closed unsent because the worker is not ready.
   */
  offer(frame: InferenceFrame, timestamp: number = performance.now()): boolean {
    if (this.status !== 'ready' || this.worker === null) {
      frame.close();
      return false;
    }
    this.slot.offer(frame, timestamp);
    return true;
  }

  /** The slot is free again: the newest waiting frame goes, else the source may send one. */
  private frameDone(): void {
    if (!this.slot.done(this.status === 'ready')) this.options.onIdle?.();
  }

  post(message: WorkerRequest, transfer: Transferable[] = [], frame = false): void {
    if (frame) this.watch.sent(this.backend === 'webgl' || this.backend === 'webgpu');
    this.worker?.postMessage(message, transfer);
  }

  private spawn(): void {
    const worker = (this.options.createWorker ?? spawnWorker)();
    this.worker = worker;
    this.status = 'loading';
    this.slot.clear();
    listen(
      worker,
      () => this.worker === worker,
      (message) => this.receive(message),
      (event) => this.crashed(event),
    );
    this.post({
      type: 'init',
      models: this.options.models ?? defaultModelUrls(),
      preference: this.preference,
      remembered: readBackendChoice(this.storage),
      maxFaces: this.maxFaces,
    });
    this.post({ type: 'set-mirror', mirror: this.mirror });
    this.host.requestUpdate();
  }

  /** The graphics process was lost or a GPU frame went unanswered: a fresh worker takes over away from the GPU, and says so. */
  private stuck(): void {
    this.watch.close();
    this.worker?.terminate();
    this.fallback = awayFromGpu(this.backend);
    [this.error, this.backend, this.preference] = [this.fallback.error, this.fallback.backend, this.fallback.backend];
    forgetBackendChoice(this.storage);
    this.spawn();
  }

  /** The worker died: start a fresh one (it reuses the remembered backend), a few times at most. */
  private crashed(event: Event): void {
    event.preventDefault();
    this.watch.disarm();
    this.worker?.terminate();
    this.worker = null;
    this.slot.clear();
    const message = 'message' in event && typeof event.message === 'string' ? event.message : event.type;
    this.error = { code: 'worker-crashed', message };
    if (this.restarts < (this.options.maxRestarts ?? 3)) {
      this.restarts++;
      this.spawn();
    } else {
      this.status = 'error';
      this.host.requestUpdate();
    }
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case 'progress':
        this.progress = message;
        break;
      case 'ready':
        this.watch.reset(message.backend);
        this.ready(message);
        break;
      case 'result':
        this.watch.answered(true);
        this.result = message.result;
        this.backend = message.result.backend;
        this.options.onResult?.(message.result, message.timestamp);
        this.frameDone();
        break;
      case 'backend-changed':
        this.watch.reset(message.backend);
        this.fallback = message;
        this.backend = message.backend;
        forgetBackendChoice(this.storage);
        break;
      case 'error':
        this.watch.answered(false);
        this.error = message.error;
        if (message.id === null) this.status = 'error';
        else this.frameDone();
        break;
      case 'disposed':
        break;
      default:
        unhandled(message);
    }
    this.host.requestUpdate();
  }

  private ready(message: ReadyMessage): void {
    this.status = 'ready';
    this.progress = null;
    this.error = null;
    this.backend = message.backend;
    this.reason = message.reason;
    this.probes = message.probes;
    const { fingerprint, backend, probes } = message;
    if (message.reason === 'measured') rememberBackendChoice(this.storage, { fingerprint, backend, probes });
    if (!this.slot.busy) this.options.onIdle?.();
  }
}
