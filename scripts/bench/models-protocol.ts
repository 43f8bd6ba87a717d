/** Messages between `models.browser.ts` (through the page) and `models-worker.ts`. Types only. */
import type { BackendName } from '../../src/shared/protocol';

/** How many inferences to run per network. */
export interface RunPlan {
  warmUpRuns: number;
  /** Timed runs: as many as fit in budgetMs going by the slowest warm-up, within [minRuns, maxRuns]. */
  budgetMs: number;
  minRuns: number;
  maxRuns: number;
  /** A warm-up slower than this ends the warm-up and leaves exactly minRuns timed runs. */
  slowMs: number;
}

/** How a network is stored and fed: a layers or graph model on side×side grey faces. */
export interface NetInput {
  format: 'layers' | 'graph';
  side: number;
}

export type ModelsRequest =
  { type: 'init'; backend: BackendName } | { type: 'bench'; net: string; url: string; input: NetInput; plan: RunPlan };

/** What ran: the tfjs backend and the device under it, as far as the browser tells. */
export interface BackendReady {
  type: 'ready';
  backend: string;
  device: string;
}

export interface NetResult {
  type: 'result';
  net: string;
  /** Loading model.json and the weights and building the layers model, ms. */
  loadMs: number;
  /** The first inference: shader compilation, weight upload, kernel set-up. */
  firstMs: number;
  warmUpRuns: number;
  /** One face each: tensor from a Float32Array, predict, `await data()`, dispose. */
  timesMs: number[];
  /** `tf.profile` peakBytes of one inference minus the bytes held before it (weights, input). */
  peakBytes: number;
  /** Tensors still alive after the runs minus before the model loaded (0 = no leak). */
  leakedTensors: number;
}

export type ModelsReply = BackendReady | NetResult | { type: 'error'; message: string };
