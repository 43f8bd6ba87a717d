/**
 * The worker's state: models, backend, pipeline. Messages are handled one at a time, in order, so
 * a backend switch never interleaves with a frame.
 */
import * as tf from '@tensorflow/tfjs';
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
import { BACKEND_ORDER } from './backends.js';
import { FrameDecoder, syntheticFrame } from './decode.js';
import { browserPlatform, measureBackends, type BackendPlatform } from './measure.js';
import { FacePipeline } from './pipeline.js';
import { CanvasRegionSource } from './region-source.js';
import { rankProbes } from './ranking.js';
import { unhandled } from '../shared/exhaustive.js';
import { FrameAborted, FrameGuard, frameFailure } from './frame-guard.js';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

interface Active {
  backend: BackendName;
  pipeline: FacePipeline;
  isLost: () => boolean;
  guard: FrameGuard;
}

export class InferenceService {
  private queue: Promise<void> = Promise.resolve();
  private artifacts: ModelArtifactsSet | null = null;
  private active: Active | null = null;
  private probes: BackendProbe[] = [];
  private ranking: BackendName[] = [];
  private maxFaces = 4;
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
        this.active?.pipeline.resetTracking();
        return;
      case 'set-tracking':
        this.active?.pipeline.setRefreshInterval(request.refreshInterval);
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
      this.artifacts = await fetchArtifacts(request.models);
    } catch (e) {
      this.post({ type: 'error', id: null, error: artifactError(e) });
      return;
    }
    this.fingerprint = `${this.buildId}|${request.models.detector}|${this.artifacts.metadata.version}`;
    const remembered = request.remembered?.fingerprint === this.fingerprint ? request.remembered : null;
    await this.choose(request.preference, remembered);
  }

  /** Picks and starts a backend: the user's, the remembered one, or the fastest measured. */
  private async choose(preference: BackendPreference, remembered: BackendChoiceRecord | null): Promise<void> {
    const artifacts = this.artifacts;
    if (artifacts === null) {
      this.post({ type: 'error', id: null, error: { code: 'not-ready', message: 'the models did not load' } });
      return;
    }
    this.stopActive();
    let reason: ChoiceReason;
    let first: BackendName;
    if (preference !== 'auto') {
      [reason, first] = ['preferred', preference];
    } else if (remembered !== null) {
      [reason, first] = ['remembered', remembered.backend];
      this.probes = remembered.probes;
    } else {
      this.probes = await measureBackends(artifacts, this.platform, (backend) =>
        this.post({ type: 'progress', stage: 'probing', backend }),
      );
      [reason, first] = ['measured', rankProbes(this.probes)[0] ?? 'cpu'];
    }
    this.ranking = [first, ...rankProbes(this.probes), ...BACKEND_ORDER].filter((b, i, all) => all.indexOf(b) === i);
    const failures: string[] = [];
    for (const backend of this.ranking) {
      this.post({ type: 'progress', stage: 'warming-up', backend });
      const failure = await this.start(backend);
      if (failure !== null) {
        failures.push(`${backend}: ${failure}`);
      } else {
        this.post({
          type: 'ready',
          backend,
          reason: backend === first ? reason : 'fallback',
          probes: this.probes,
          fingerprint: this.fingerprint,
          modelVersion: artifacts.metadata.version,
        });
        return;
      }
    }
    this.post({ type: 'error', id: null, error: { code: 'no-backend', message: failures.join('; ') } });
  }

  /** Initialises `backend`, builds the pipeline on it and warms it up; returns why it failed, or null. */
  private async start(backend: BackendName): Promise<string | null> {
    if (this.artifacts === null) return 'models not loaded';
    let pipeline: FacePipeline | null = null;
    try {
      await this.platform.activateBackend(backend);
      pipeline = await FacePipeline.create(this.artifacts);
      const warmUpMs = await pipeline.timeOneFace(syntheticFrame());
      const guard = new FrameGuard(backend === 'webgl' || backend === 'webgpu', warmUpMs);
      const isLost = this.platform.watchDeviceLoss(backend, (reason) => void this.receiveLoss(backend, reason, guard));
      this.active = { backend, pipeline, isLost, guard };
      return null;
    } catch (e) {
      pipeline?.dispose();
      return message(e);
    }
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
      const out = await active.guard.run(active.pipeline.run(pixels, this.maxFaces, source));
      const total = performance.now() - t0;
      this.post({
        type: 'result',
        id,
        timestamp,
        result: {
          faces: out.faces,
          frameWidth: pixels.width,
          frameHeight: pixels.height,
          timings: { decode: t1 - t0, detect: out.detectMs, crop: out.cropMs, classify: out.classifyMs, total },
          backend: active.backend,
          numTensors: tf.memory().numTensors,
          detectorPasses: out.passes,
        },
      });
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
      // A lost GPU context cannot free its textures; they went with it.
    }
    this.active = null;
  }

  dispose(): void {
    this.stopActive();
    this.artifacts = null;
  }
}
