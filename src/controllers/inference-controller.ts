import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  BackendChangedMessage,
  BackendChoiceRecord,
  BackendName,
  BackendPreference,
  BackendProbe,
  ChoiceReason,
  FrameResult,
  InferenceError,
  ModelUrls,
  ProgressMessage,
  StageTimings,
  WorkerMessage,
  WorkerRequest,
} from '../shared/protocol.js';

/** What the controller needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export type InferenceFrame = ImageBitmap | VideoFrame;

export type InferenceStatus = 'idle' | 'loading' | 'ready' | 'error' | 'stopped';

export interface InferenceOptions {
  preference?: BackendPreference;
  maxFaces?: number;
  models?: ModelUrls;
  /** Where the measured backend choice is kept; null to keep nothing. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  createWorker?: () => WorkerLike;
  /** Called with every result, in order, before the host updates. */
  onResult?: (result: FrameResult, timestamp: number) => void;
  /** Restarts allowed after the worker crashes, before giving up. */
  maxRestarts?: number;
  /** A GPU frame unanswered this long means the worker is stuck on a lost device. */
  stuckAfterMs?: number;
}

/** Above the worker's own frame deadline (1.5 s or more), which answers a lost device itself. */
export const STUCK_AFTER_MS = 4_000;
/** Where a worker stuck on the GPU goes next: the GPU process is what failed. */
const AWAY_FROM_GPU: BackendName = 'wasm';

export const BACKEND_CHOICE_KEY = 'resmo.inference.backend';

/** The measured backend choice kept on this device, or null when there is none or it is malformed. */
export function readBackendChoice(storage: Pick<Storage, 'getItem'> | null): BackendChoiceRecord | null {
  try {
    const raw = storage?.getItem(BACKEND_CHOICE_KEY);
    const record = raw ? (JSON.parse(raw) as Partial<BackendChoiceRecord>) : null;
    const valid =
      typeof record?.fingerprint === 'string' && typeof record.backend === 'string' && Array.isArray(record.probes);
    return valid ? (record as BackendChoiceRecord) : null;
  } catch {
    return null;
  }
}

export function defaultModelUrls(base: string = location.href): ModelUrls {
  const root = new URL(import.meta.env.BASE_URL, base);
  return {
    detector: new URL('models/blazeface/model.json', root).href,
    classifier: new URL('models/resmonet/metadata.json', root).href,
  };
}

function spawnWorker(): WorkerLike {
  return new Worker(new URL('../worker/inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });
}

/**
 * Runs face detection and ResmoNet in the inference worker for a Lit host. At most one frame is
 * in flight: frames offered meanwhile replace each other, and the newest goes next.
 */
export class InferenceController implements ReactiveController {
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
  framesSent = 0;
  framesDropped = 0;

  private worker: WorkerLike | null = null;
  private inFlight = false;
  private pending: { frame: InferenceFrame; timestamp: number } | null = null;
  private nextId = 1;
  private restarts = 0;
  private preference: BackendPreference;
  private maxFaces: number;
  private video: HTMLVideoElement | null = null;
  private videoWanted = false;
  private videoCallback = 0;
  private stuckTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the frame in flight was sent, and the usual answer time on this backend (null: none yet). */
  private sentAt = 0;
  private typicalMs: number | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: InferenceOptions = {},
  ) {
    this.preference = options.preference ?? 'auto';
    this.maxFaces = options.maxFaces ?? 4;
    host.addController(this);
  }

  get timings(): StageTimings | null {
    return this.result?.timings ?? null;
  }

  get busy(): boolean {
    return this.inFlight;
  }

  /** Spawns the worker and loads the models; call from a user gesture (starting a consultation). */
  start(): void {
    if (this.worker !== null) return;
    this.restarts = 0;
    this.spawn();
  }

  stop(): void {
    this.detachVideo();
    this.dropPending();
    if (this.worker !== null) {
      this.worker.postMessage({ type: 'dispose' }, []);
      // The worker closes itself after disposing; terminate is the backstop if it is stuck.
      const worker = this.worker;
      setTimeout(() => worker.terminate(), 1000);
    }
    this.worker = null;
    this.inFlight = false;
    this.disarm();
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

  /**
   * Offers a frame, which the controller then owns (it is transferred or closed). Returns false
   * if it was closed unsent because the worker is not ready.
   */
  offer(frame: InferenceFrame, timestamp: number = performance.now()): boolean {
    if (this.status !== 'ready' || this.worker === null) {
      frame.close();
      return false;
    }
    if (this.inFlight) {
      this.dropPending();
      this.pending = { frame, timestamp };
      return true;
    }
    this.send(frame, timestamp);
    return true;
  }

  /** Sends the video's newest frame whenever the worker is free, until detached or stopped. */
  attachVideo(video: HTMLVideoElement): void {
    this.detachVideo();
    if (this.worker !== null) this.post({ type: 'reset-tracking' });
    this.video = video;
    this.scheduleVideo();
  }

  detachVideo(): void {
    if (this.video !== null && this.videoCallback !== 0) this.video.cancelVideoFrameCallback(this.videoCallback);
    this.video = null;
    this.videoWanted = false;
    this.videoCallback = 0;
  }

  private scheduleVideo(): void {
    const video = this.video;
    if (video === null) return;
    this.videoCallback = video.requestVideoFrameCallback(() => {
      this.videoWanted = true;
      this.pumpVideo();
      this.scheduleVideo();
    });
  }

  private pumpVideo(): void {
    const video = this.video;
    if (video === null || !this.videoWanted || this.inFlight || this.status !== 'ready') return;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    this.videoWanted = false;
    // Reserve the slot before the async capture so a second callback cannot send too.
    this.inFlight = true;
    this.arm();
    const timestamp = performance.now();
    createImageBitmap(video).then(
      (bitmap) => {
        this.inFlight = false;
        this.disarm();
        if (this.worker === null || this.status !== 'ready') bitmap.close();
        else this.send(bitmap, timestamp);
      },
      () => {
        this.inFlight = false;
        this.disarm();
      },
    );
  }

  private send(frame: InferenceFrame, timestamp: number): void {
    this.inFlight = true;
    this.sentAt = performance.now();
    this.arm();
    this.framesSent++;
    this.post({ type: 'frame', id: this.nextId++, timestamp, frame }, [frame]);
  }

  private dropPending(): void {
    if (this.pending === null) return;
    this.pending.frame.close();
    this.pending = null;
    this.framesDropped++;
  }

  /** The slot is free again: the newest waiting frame goes, else the video's current one. */
  private frameDone(): void {
    this.inFlight = false;
    this.disarm();
    const pending = this.pending;
    this.pending = null;
    if (pending !== null && this.status === 'ready') this.send(pending.frame, pending.timestamp);
    else {
      pending?.frame.close();
      this.pumpVideo();
    }
  }

  /** Watches a frame on a GPU backend: a worker stuck in a lost device never answers at all. */
  private arm(): void {
    this.disarm();
    // Not before the backend has answered once: its first frames compile shaders and are slow.
    if ((this.backend !== 'webgl' && this.backend !== 'webgpu') || this.typicalMs === null) return;
    const deadline = Math.max(this.options.stuckAfterMs ?? STUCK_AFTER_MS, 6 * this.typicalMs);
    this.stuckTimer = setTimeout(() => this.stuck(), deadline);
  }

  private measure(): void {
    const took = performance.now() - this.sentAt;
    this.typicalMs = this.typicalMs === null ? took : 0.7 * this.typicalMs + 0.3 * took;
  }

  private disarm(): void {
    clearTimeout(this.stuckTimer);
    this.stuckTimer = undefined;
  }

  /** The frame counts as failed: a fresh worker takes over away from the GPU, and the view says so. */
  private stuck(): void {
    const from = this.backend ?? 'webgl';
    const error: InferenceError = {
      code: 'device-lost',
      backend: from,
      message: 'no answer from the graphics processor',
    };
    this.worker?.terminate();
    this.worker = null;
    this.dropPending();
    this.error = error;
    this.fallback = { type: 'backend-changed', from, backend: AWAY_FROM_GPU, reason: 'device-lost', error };
    this.backend = AWAY_FROM_GPU;
    this.preference = AWAY_FROM_GPU;
    this.storage?.removeItem(BACKEND_CHOICE_KEY);
    this.spawn();
  }

  private post(message: WorkerRequest, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private spawn(): void {
    const worker = (this.options.createWorker ?? spawnWorker)();
    this.worker = worker;
    this.status = 'loading';
    this.inFlight = false;
    worker.addEventListener('message', (event) => {
      if (this.worker === worker) this.receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (this.worker === worker) this.crashed(event);
    });
    worker.addEventListener('messageerror', (event) => {
      if (this.worker === worker) this.crashed(event);
    });
    this.post({
      type: 'init',
      models: this.options.models ?? defaultModelUrls(),
      preference: this.preference,
      remembered: this.remembered(),
      maxFaces: this.maxFaces,
    });
    this.host.requestUpdate();
  }

  /** The worker died: start a fresh one (it reuses the remembered backend), a few times at most. */
  private crashed(event: Event): void {
    event.preventDefault();
    this.disarm();
    this.worker?.terminate();
    this.worker = null;
    this.dropPending();
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
        this.typicalMs = null;
        this.status = 'ready';
        this.progress = null;
        this.error = null;
        this.backend = message.backend;
        this.reason = message.reason;
        this.probes = message.probes;
        if (message.reason === 'measured') {
          this.remember({ fingerprint: message.fingerprint, backend: message.backend, probes: message.probes });
        }
        this.pumpVideo();
        break;
      case 'result':
        this.measure();
        this.result = message.result;
        this.backend = message.result.backend;
        this.options.onResult?.(message.result, message.timestamp);
        this.frameDone();
        break;
      case 'backend-changed':
        this.typicalMs = null;
        this.fallback = message;
        this.backend = message.backend;
        // Measure afresh next session rather than trust a device that just failed.
        this.storage?.removeItem(BACKEND_CHOICE_KEY);
        break;
      case 'error':
        this.error = message.error;
        if (message.id === null) this.status = 'error';
        else this.frameDone();
        break;
      case 'disposed':
        break;
    }
    this.host.requestUpdate();
  }

  private get storage(): InferenceOptions['storage'] {
    if (this.options.storage !== undefined) return this.options.storage;
    return typeof localStorage === 'undefined' ? null : localStorage;
  }

  private remembered(): BackendChoiceRecord | null {
    return readBackendChoice(this.storage ?? null);
  }

  private remember(record: BackendChoiceRecord): void {
    try {
      this.storage?.setItem(BACKEND_CHOICE_KEY, JSON.stringify(record));
    } catch {
      // Private browsing or a full quota: the next session measures again.
    }
  }
}
