/**
 * The module worker of `npm run bench:models:browser`: one tfjs backend, set up exactly as the
 * app's inference worker sets it up (src/worker/backends.ts), then one network at a time, timed
 * here so that message latency is not counted.
 */
import * as tf from '@tensorflow/tfjs';
import { activateBackend } from '../../src/worker/backends';
import type { TfjsModel } from '../../src/worker/classifier';
import type { BackendName } from '../../src/shared/protocol';
import type { ModelsReply, ModelsRequest, NetInput, NetResult, RunPlan } from './models-protocol';

interface GpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: GpuAdapterInfo } | null>;
}
interface WebGlBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext };
}

async function describeDevice(backend: BackendName): Promise<string> {
  switch (backend) {
    case 'webgpu': {
      const adapter = await (navigator as unknown as { gpu?: GpuLike }).gpu?.requestAdapter();
      const info = adapter?.info;
      const parts = [info?.vendor, info?.architecture, info?.description].filter(Boolean);
      return `${parts.join(' / ') || 'unknown adapter'}${info?.isFallbackAdapter ? ' (fallback adapter)' : ''}`;
    }
    case 'webgl': {
      const gl = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl;
      if (gl === undefined) return 'unknown';
      // The plain RENDERER string is masked ("WebKit WebGL"); the extension names the rasteriser.
      const unmasked = gl.getExtension('WEBGL_debug_renderer_info')?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER;
      return `${String(gl.getParameter(gl.VERSION))} / ${String(gl.getParameter(unmasked))}`;
    }
    case 'wasm':
      return (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))
        ? 'WebAssembly, SIMD, 1 thread'
        : 'WebAssembly, 1 thread';
    case 'cpu':
      return 'JavaScript kernels';
  }
}

interface Face {
  pixels: Float32Array;
  side: number;
}

function randomFace(side: number): Face {
  return { pixels: Float32Array.from({ length: side * side }, () => Math.random() * 2 - 1), side };
}

/** One face the way the app classifies it: upload, predict, read back, dispose. */
async function inferOnce(model: TfjsModel, { pixels, side }: Face): Promise<number> {
  const t0 = performance.now();
  const y = tf.tidy(() => model.predict(tf.tensor4d(pixels, [1, side, side, 1])) as tf.Tensor);
  await y.data();
  y.dispose();
  return performance.now() - t0;
}

async function peakBytes(model: TfjsModel, { pixels, side }: Face): Promise<number> {
  const x = tf.tensor4d(pixels, [1, side, side, 1]);
  const before = tf.memory().numBytes;
  const profile = await tf.profile(() => model.predict(x) as tf.Tensor);
  tf.dispose([profile.result as tf.Tensor, x]);
  return profile.peakBytes - before;
}

async function bench(
  net: string,
  url: string,
  input: NetInput,
  plan: RunPlan,
): Promise<Omit<NetResult, 'leakedTensors'>> {
  const t0 = performance.now();
  const model = input.format === 'graph' ? await tf.loadGraphModel(url) : await tf.loadLayersModel(url);
  const loadMs = performance.now() - t0;
  const face = randomFace(input.side);
  try {
    const firstMs = await inferOnce(model, face);
    const warm = [await inferOnce(model, face)];
    const slow = (warm[0] ?? 0) > plan.slowMs;
    while (!slow && warm.length < plan.warmUpRuns) warm.push(await inferOnce(model, face));
    const fit = Math.floor(plan.budgetMs / Math.max(...warm));
    const runs = slow ? plan.minRuns : Math.min(plan.maxRuns, Math.max(plan.minRuns, fit));
    const timesMs: number[] = [];
    for (let i = 0; i < runs; i++) timesMs.push(await inferOnce(model, face));
    const peak = await peakBytes(model, face);
    return { type: 'result', net, loadMs, firstMs, warmUpRuns: warm.length, timesMs, peakBytes: peak };
  } finally {
    model.dispose();
  }
}

async function handle(request: ModelsRequest): Promise<ModelsReply> {
  switch (request.type) {
    case 'init':
      await activateBackend(request.backend);
      return { type: 'ready', backend: tf.getBackend(), device: await describeDevice(request.backend) };
    case 'bench': {
      const before = tf.memory().numTensors;
      const result = await bench(request.net, request.url, request.input, request.plan);
      return { ...result, leakedTensors: tf.memory().numTensors - before };
    }
  }
}

addEventListener('message', (event: MessageEvent<ModelsRequest>) => {
  handle(event.data).then(
    (reply) => postMessage(reply),
    (e: unknown) => postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
