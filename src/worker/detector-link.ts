/**
 * The inference worker's door to its detector worker. Started on first use, on WASM only (where
 * the two workers run on two cores; a GPU backend shares one device), and given up for good
 * after any failure: the pipeline then detects on its own thread, as it always could.
 */
import { trustedScriptUrl } from '../shared/trusted-types.js';
import { message } from './error-message.js';
import type { RawDetection, Region } from './blazeface-decode.js';
import { DETECTOR_ROLE, type DetectorReply, type DetectorRequest } from './detector-protocol.js';
import type * as tf from './tf.js';

export interface BackgroundDetector {
  /** Whether a request can go now: started, not failed, the previous one answered. Starts it the first time. */
  ready(): boolean;
  /** Faces in `frame` (which it takes and closes), as `FaceDetector.detect` would find them, and the ms it took. */
  detect(frame: ImageBitmap | VideoFrame, width: number, height: number, regions: Region[]): Promise<Detected>;
  dispose(): void;
}

export interface Detected {
  detections: RawDetection[];
  ms: number;
}

type Spawn = () => Worker;

const spawnSelf: Spawn = () =>
  new Worker(trustedScriptUrl(self.location.href), { type: 'module', name: DETECTOR_ROLE });

export class DetectorLink implements BackgroundDetector {
  private worker: Worker | null = null;
  private state: 'idle' | 'starting' | 'ready' | 'failed' = 'idle';
  private next = 0;
  private waiting: { id: number; resolve: (d: Detected) => void; reject: (e: Error) => void } | null = null;

  constructor(
    private readonly artifacts: tf.io.ModelArtifacts,
    private readonly spawn: Spawn = spawnSelf,
  ) {}

  ready(): boolean {
    if (this.state === 'idle') this.start();
    return this.state === 'ready' && this.worker !== null && this.waiting === null;
  }

  detect(frame: ImageBitmap | VideoFrame, width: number, height: number, regions: Region[]): Promise<Detected> {
    if (!this.ready() || this.worker === null) {
      frame.close();
      return Promise.reject(new Error('the detector worker is not ready'));
    }
    const id = ++this.next;
    const request: DetectorRequest = { type: 'detect', id, frame, width, height, regions };
    const answer = new Promise<Detected>((resolve, reject) => (this.waiting = { id, resolve, reject }));
    try {
      this.worker.postMessage(request, [frame]);
    } catch (e) {
      // A frame this browser cannot transfer: no second worker for this stream.
      frame.close();
      this.fail(message(e));
    }
    return answer;
  }

  private start(): void {
    this.state = 'starting';
    try {
      const worker = this.spawn();
      worker.addEventListener('message', (event: MessageEvent<DetectorReply>) => this.receive(event.data));
      worker.addEventListener('error', () => this.fail('the detector worker stopped'));
      worker.postMessage({ type: 'init', detector: this.artifacts } satisfies DetectorRequest);
      this.worker = worker;
    } catch {
      this.state = 'failed';
    }
  }

  private receive(reply: DetectorReply): void {
    if (reply.type === 'ready') {
      if (this.state === 'starting') this.state = 'ready';
      return;
    }
    if (reply.type === 'failed') return this.fail(reply.message);
    const waiting = this.waiting;
    if (waiting?.id !== reply.id) return;
    this.waiting = null;
    waiting.resolve({ detections: reply.detections, ms: reply.ms });
  }

  private fail(reason: string): void {
    this.state = 'failed';
    this.waiting?.reject(new Error(reason));
    this.waiting = null;
    this.worker?.terminate();
    this.worker = null;
  }

  dispose(): void {
    this.fail('disposed');
  }
}
