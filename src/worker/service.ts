/** The worker's state: models, backend, pipeline. Messages go one at a time, in order (no frame mid-switch). */
import type {
  BackendChoiceRecord,
  BackendName,
  BackendPreference,
  BackendProbe,
  ChoiceReason,
  FrameRequest,
  InferenceError,
  InitRequest,
  WorkerMessage,
  WorkerRequest,
} from '../shared/protocol.js';
import { artifactError, fetchArtifacts, type ModelArtifactsSet } from './artifacts.js';
import { countingFetch } from './download.js';
import { BACKEND_ORDER } from './backends.js';
import { FrameDecoder } from './decode.js';
import { browserPlatform, measureAfter, type BackendPlatform } from './measure.js';
import { answerFirst, type GpuKinds } from './gpu-kind.js';
import { type ActiveBackend, startBackend } from './active.js';
import { message } from './error-message.js';
import { CanvasRegionSource } from './region-source.js';
import { rankProbes } from './ranking.js';
import { unhandled } from '../shared/exhaustive.js';
import { FrameAborted, type FrameGuard, frameFailure } from './frame-guard.js';
import { mirrorsOn } from './mirror-policy.js';
import { frameResult } from './frame-result.js';

export class InferenceService {
  private queue: Promise<void> = Promise.resolve();
  private artifacts: ModelArtifactsSet | null = null;
  private active: ActiveBackend | null = null;
  private probes: BackendProbe[] = [];
  private measureNext: (() => Promise<void>) | null = null;
  private ranking: BackendName[] = [];
  private maxFaces = 4;
  private mirror = true;
  private fingerprint = '';
  private readonly decoder = new FrameDecoder();
  private readonly regions = new CanvasRegionSource();

  constructor(
    private readonly post: (message: WorkerMessage, transfer?: Transferable[]) => void,
    private readonly buildId: string,
    private readonly platform: BackendPlatform = browserPlatform,
  ) {}

  /** Queues a request behind the ones before it. */
  receive(request: WorkerRequest): Promise<void> {
    this.queue = this.queue
      .then(() => this.handle(request))
      .catch((e: unknown) => {
        this.post({ type: 'error', id: null, error: { code: 'inference-failed', message: message(e) } });
      });
    return this.queue;
  }

  private async handle(request: WorkerRequest): Promise<void> {
    switch (request.type) {
      case 'init':
        return this.init(request);
      case 'frame':
        return this.frame(request);
      case 'set-backend':
        return this.choose(request.preference, null);
      case 'set-max-faces':
        this.maxFaces = request.maxFaces;
        return;
      case 'reset-tracking':
        return this.active?.pipeline.resetTracking();
      case 'set-tracking':
        return this.active?.pipeline.setRefreshInterval(request.refreshInterval);
      case 'set-focus':
        return this.active?.pipeline.setFocus(request.box);
      case 'set-mirror':
        this.mirror = request.mirror;
        return;
      case 'dispose':
        this.dispose();
        this.post({ type: 'disposed' });
        return;
      default:
        return unhandled(request);
    }
  }

  private async init(request: InitRequest): Promise<void> {
    this.maxFaces = request.maxFaces;
    this.post({ type: 'progress', stage: 'loading-models' });
    try {
      const fetchFunc = countingFetch((fraction) => this.post({ type: 'progress', stage: 'loading-models', fraction }));
      this.artifacts = await fetchArtifacts(request.models, undefined, undefined, fetchFunc);
    } catch (e) {
      this.post({ type: 'error', id: null, error: artifactError(e) });
      return;
    }
    this.fingerprint = `${this.buildId}|${request.models.detector}|${this.artifacts.metadata.version}`;
    const remembered = request.remembered?.fingerprint === this.fingerprint ? request.remembered : null;
    await this.choose(request.preference, remembered);
  }

  /**
   * Picks and starts a backend: the user's, the remembered one, or, on a first start, the likely
   * fastest at once (`answerFirst`), the others measured after the first answer (`measureLater`).
   */
  private async choose(preference: BackendPreference, remembered: BackendChoiceRecord | null): Promise<void> {
    if (this.artifacts === null) {
      this.post({ type: 'error', id: null, error: { code: 'not-ready', message: 'the models did not load' } });
      return;
    }
    this.stopActive();
    let [reason, first, others]: [ChoiceReason, BackendName, BackendName[] | null] = ['preferred', 'wasm', null];
    const kinds = await this.platform.gpuKinds().catch((): GpuKinds => ({ webgpu: 'none', webgl: 'none' }));
    if (preference !== 'auto') {
      first = preference;
    } else if (remembered !== null) {
      [reason, first] = ['remembered', remembered.backend];
      this.probes = remembered.probes;
    } else {
      ({ first, others } = answerFirst(kinds));
      [reason, this.probes] = ['likely', []];
    }
    this.ranking = [first, ...rankProbes(this.probes), ...BACKEND_ORDER].filter((b, i, all) => all.indexOf(b) === i);
    const failures: string[] = [];
    for (const backend of this.ranking) {
      this.post({ type: 'progress', stage: 'warming-up', backend });
      const failure = await this.start(backend);
      if (failure === null) {
        this.announce(backend === first ? reason : 'fallback');
        this.measureNext = others === null ? null : () => this.measureLater(others, kinds);
        return;
      }
      failures.push(`${backend}: ${failure}`);
    }
    this.post({ type: 'error', id: null, error: { code: 'no-backend', message: failures.join('; ') } });
  }

  private announce(reason: ChoiceReason): void {
    if (this.active === null || this.artifacts === null) return;
    const [{ backend }, { probes, fingerprint }, modelVersion] = [this.active, this, this.artifacts.metadata.version];
    this.post({ type: 'ready', backend, reason, probes, fingerprint, modelVersion });
  }

  /** After the first answer: measures the other backends, moves to a faster one, and says so. */
  private async measureLater(others: BackendName[], kinds: GpuKinds): Promise<void> {
    const active = this.active;
    if (active === null || this.artifacts === null) return;
    try {
      this.probes = await measureAfter(this.artifacts, this.platform, active, others, kinds);
    } catch (e) {
      this.probes = [{ backend: active.backend, ok: false, error: { code: 'inference-failed', message: message(e) } }];
      return;
    }
    const fastest = rankProbes(this.probes)[0] ?? active.backend;
    this.ranking = [fastest, ...this.ranking].filter((b, i, all) => all.indexOf(b) === i);
    if (fastest !== active.backend) {
      this.stopActive();
      if ((await this.start(fastest)) !== null) await this.start(active.backend);
    }
    this.announce('measured');
  }

  /** Initialises `backend`, builds the pipeline on it and warms it up; returns why it failed, or null. */
  private async start(backend: BackendName): Promise<string | null> {
    if (this.artifacts === null) return 'models not loaded';
    const started = await startBackend(this.platform, this.artifacts, backend, (reason, guard) => {
      void this.receiveLoss(backend, reason, guard);
    });
    if (typeof started === 'string') return started;
    this.active = started;
    return null;
  }

  private async frame(request: FrameRequest): Promise<void> {
    const { id, timestamp, frame } = request;
    const active = this.active;
    if (active === null) {
      frame.close();
      this.post({ type: 'error', id, error: { code: 'not-ready', message: 'no model is loaded' } });
      return;
    }
    const t0 = performance.now();
    let pixels;
    try {
      pixels = this.decoder.decode(frame);
    } catch (e) {
      frame.close();
      this.post({ type: 'error', id, error: { code: 'bad-frame', message: message(e) } });
      return;
    }
    const t1 = performance.now();
    try {
      const source = this.regions.use(frame, pixels.width, pixels.height);
      const mirror = mirrorsOn(active.backend, this.mirror);
      const out = await active.guard.run(active.pipeline.run(pixels, this.maxFaces, source, mirror));
      const result = frameResult(out, pixels, active.backend, { decode: t1 - t0, total: performance.now() - t0 });
      this.post({ type: 'result', id, timestamp, result });
      // Other backends are measured once the clinician sees a first emotion (`measureNext`), not before.
      if (this.measureNext !== null) [this.queue, this.measureNext] = [this.queue.then(this.measureNext), null];
    } catch (e) {
      const lost = e instanceof FrameAborted || active.isLost();
      this.post({ type: 'error', id, error: frameFailure(e, active.backend, lost) });
      if (lost && this.active === active) await this.fallBack(active.backend, message(e));
    } finally {
      frame.close();
    }
  }

  private receiveLoss(backend: BackendName, reason: string, guard: FrameGuard): Promise<void> {
    guard.deviceLost(reason);
    this.queue = this.queue.then(() => (this.active?.backend === backend ? this.fallBack(backend, reason) : undefined));
    return this.queue;
  }

  /** After a lost GPU device: continue on the next backend in the ranking, and say so. */
  private async fallBack(lost: BackendName, reason: string): Promise<void> {
    this.stopActive();
    this.ranking = this.ranking.filter((b) => b !== lost);
    const error: InferenceError = { code: 'device-lost', backend: lost, message: reason };
    for (const next of [...this.ranking]) {
      if ((await this.start(next)) === null) {
        this.post({ type: 'backend-changed', from: lost, backend: next, reason: 'device-lost', error });
        return;
      }
      this.ranking = this.ranking.filter((b) => b !== next);
    }
    this.post({ type: 'error', id: null, error });
  }

  private stopActive(): void {
    try {
      this.active?.pipeline.dispose();
    } catch {
      // A lost GPU context cannot free its textures.
    }
    this.active = null;
  }

  dispose(): void {
    this.stopActive();
    this.artifacts = null;
  }
}
