import type { BackendPreference, FrameResult, ModelUrls } from '../shared/protocol.js';
import type { ChoiceStorage } from '../platform/backend-choice.js';
import type { WorkerLike } from './worker-spawn.js';
import type { GpuWatchFactory } from './gpu-watch.js';

export type InferenceStatus = 'idle' | 'loading' | 'ready' | 'error' | 'stopped';

export interface WorkerClientOptions {
  preference?: BackendPreference;
  maxFaces?: number;
  /** Whether mirror averaging is allowed (default true; the worker applies it where it fits). */
  mirror?: boolean;
  models?: ModelUrls;
  /** Where the measured backend choice is kept; null to keep nothing. Default: localStorage. */
  storage?: ChoiceStorage;
  createWorker?: () => WorkerLike;
  /** Called with every result, in order, before the host updates; `timestamp` is the frame's. */
  onResult?: (result: FrameResult, timestamp: number) => void;
  /** Called when the worker can take a frame again (ready, or done with the last one). */
  onIdle?: () => void;
  /** Restarts allowed after the worker crashes, before giving up. */
  maxRestarts?: number;
  /** How the page hears that the graphics process was lost. Default: a WebGL context of its own. */
  watchGpu?: GpuWatchFactory;
}
