/**
 * Human (@vladmandic/human 3.3.6), the peer: BlazeFace plus its emotion model, in a module worker
 * on the app's origin, in one of three named configurations (`HUMAN_CONFIGS`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BackendName } from '../../src/shared/protocol';
import type { GreyFrame } from '../../test/support/inference-page';
import { REPO } from '../../test/support/model-files';

export interface HumanResult {
  ms: number;
  faces: number;
  /** Runs of Human's emotion model during this frame (0 when it returned a cached emotion). */
  emotions: number;
}

/** How Human is configured, named in the bench's output and in docs/inference.md. */
export type HumanConfig = 'no-reuse' | 'reuse' | 'shipped';

export const HUMAN_CONFIGS: Record<HumanConfig, string> = {
  'no-reuse': 'Human: detector, no mesh, emotion on every frame (cacheSensitivity 0, skipFrames 0)',
  reuse:
    'Human: detector on 1 frame in 8 (skipFrames 7, cacheSensitivity 0.7), boxes from its face mesh between, emotion on every frame (skipFrames 0)',
  shipped:
    "Human as shipped: its default face settings (mesh, iris, description, the emotion's 1.5 s cache), other modules and the image filter off",
};

export interface HumanReady {
  backend: string;
  /** Human's emotion model alone on a 64×64 grey input, with the upload and read-back, per run, at start-up. */
  emotionMs: number[];
}

const WORKER = `
import { Human } from '/__human/dist/human.esm.js';
let human = null;
// Human's emotion model alone, timed as ResmoNet's classify stage is: a tensor from a
// Float32Array, the model, the read-back. Three untimed runs first.
async function timeEmotion(runs) {
  const tf = human.tf;
  const model = human.models.models.emotion;
  const face = Float32Array.from({ length: 64 * 64 }, () => Math.random());
  const emotionMs = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    const y = tf.tidy(() => model.execute(tf.tensor4d(face, [1, 64, 64, 1])));
    await y.data();
    tf.dispose(y);
    if (i >= 3) emotionMs.push(performance.now() - t0);
  }
  return emotionMs;
}
// The three configurations the bench names (see HUMAN_CONFIGS below).
function config(name, backend) {
  const off = { enabled: false };
  const base = {
    backend, modelBasePath: '/__human/models/', wasmPath: '/__tfjs-wasm/', debug: false, warmup: 'none',
    filter: off, gesture: off, body: off, hand: off, object: off, segmentation: off,
  };
  const face = (detector, mesh, emotion) => ({
    enabled: true, detector: { rotation: false, maxDetected: 4, return: false, ...detector },
    mesh: { enabled: mesh }, iris: off, attention: off, description: off, antispoof: off, liveness: off,
    gear: off, emotion: { enabled: true, ...emotion },
  });
  if (name === 'no-reuse')
    return { ...base, cacheSensitivity: 0, face: face({ skipFrames: 0, skipTime: 0 }, false, { skipFrames: 0, skipTime: 0 }) };
  if (name === 'reuse')
    return { ...base, cacheSensitivity: 0.7, face: face({ skipFrames: 7, skipTime: 60000 }, true, { skipFrames: 0, skipTime: 0 }) };
  // As shipped: Human's own defaults for the face (mesh, iris, description, ...), other modules off.
  return { ...base, face: { enabled: true, emotion: { enabled: true } } };
}
let emotionRuns = 0;
self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    try {
      human = new Human(config(data.config, data.backend));
      await human.load();
      await human.tf.ready();
      const model = human.models.models.emotion;
      const execute = model.execute.bind(model);
      model.execute = (...args) => { emotionRuns++; return execute(...args); };
      const emotionMs = await timeEmotion(data.emotionRuns);
      self.postMessage({ type: 'ready', backend: human.tf.getBackend(), emotionMs });
    } catch (e) {
      self.postMessage({ type: 'error', message: String(e && e.stack || e) });
    }
  } else if (data.type === 'emotion') {
    self.postMessage({ type: 'emotion', emotionMs: await timeEmotion(data.emotionRuns) });
  } else if (data.type === 'frame') {
    const runsBefore = emotionRuns;
    const t0 = performance.now();
    const result = await human.detect(data.frame);
    const ms = performance.now() - t0;
    data.frame.close();
    const emotions = emotionRuns - runsBefore;
    self.postMessage({ type: 'result', id: data.id, ms, faces: result.face.length, emotions });
  }
};
`;

const ROUTES: [string, string][] = [
  ['/__human/dist/', 'node_modules/@vladmandic/human/dist/'],
  ['/__human/models/', 'node_modules/@vladmandic/human/models/'],
  ['/__tfjs-wasm/', 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'],
];

const TYPES: Record<string, string> = { js: 'text/javascript', json: 'application/json', wasm: 'application/wasm' };

export class HumanPage {
  private frames: GreyFrame[] = [];
  private nextId = 1;

  private constructor(readonly page: Page) {}

  static async open(
    browser: Browser,
    origin: string,
    backend: BackendName,
    emotionRuns: number,
    config: HumanConfig = 'no-reuse',
  ): Promise<{ page: HumanPage; ready: HumanReady }> {
    const page = await browser.newPage();
    const human = new HumanPage(page);
    await page.route('**/__human-bench', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>human bench</title>' }),
    );
    await page.route('**/__human-worker.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: WORKER }),
    );
    for (const [prefix, dir] of ROUTES) {
      await page.route(`**${prefix}**`, async (route) => {
        const path = new URL(route.request().url()).pathname.slice(prefix.length);
        const body = await readFile(join(REPO, dir, path));
        await route.fulfill({ body, contentType: TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' });
      });
    }
    await page.route('**/__frame/*', (route) => {
      const frame = human.frames[Number(route.request().url().split('/').pop())];
      return frame === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ body: Buffer.from(frame.grey) });
    });
    await page.goto(new URL('__human-bench', origin).href);
    const ready = await page.evaluate(
      ({ backend, emotionRuns, config }) =>
        new Promise<HumanReady>((resolve, reject) => {
          const worker = new Worker('/__human-worker.js', { type: 'module' });
          (globalThis as unknown as { human: Worker }).human = worker;
          worker.onmessage = ({ data }: MessageEvent<{ type: string; message?: string } & HumanReady>) =>
            data.type === 'ready' ? resolve(data) : reject(new Error(data.message));
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ type: 'init', backend, emotionRuns, config });
        }),
      { backend, emotionRuns, config },
    );
    return { page: human, ready };
  }

  /** Sends `frame` `repeats` times, each after the previous result. */
  async run(frame: GreyFrame, repeats: number): Promise<HumanResult[]> {
    this.frames = [frame];
    const firstId = this.nextId;
    this.nextId += repeats;
    return this.page.evaluate(
      async ({ width, height, repeats, firstId }) => {
        const worker = (globalThis as unknown as { human: Worker }).human;
        const grey = new Uint8Array(await (await fetch('/__frame/0')).arrayBuffer());
        const rgba = new Uint8ClampedArray(width * height * 4);
        grey.forEach((g, i) => rgba.set([g, g, g, 255], i * 4));
        const image = new ImageData(rgba, width, height);
        const results: { ms: number; faces: number; emotions: number }[] = [];
        for (let k = 0; k < repeats; k++) {
          const bitmap = await createImageBitmap(image);
          type Reply = { ms: number; faces: number; emotions: number };
          const reply = new Promise<Reply>((resolve) => {
            worker.onmessage = ({ data }: MessageEvent<Reply>) => resolve(data);
          });
          worker.postMessage({ type: 'frame', id: firstId + k, frame: bitmap }, [bitmap]);
          results.push(await reply);
        }
        return results;
      },
      { width: frame.width, height: frame.height, repeats, firstId },
    );
  }

  /**
   * Times Human's emotion model alone again, in the state its worker is in now: after the frames,
   * as ResmoNet's classify stage is timed between detections. On the JavaScript CPU backend this
   * differs from the time at start-up, because the kernels' compiled code has then seen only
   * this one model.
   */
  timeEmotion(runs: number): Promise<number[]> {
    return this.page.evaluate(
      (runs) =>
        new Promise<number[]>((resolve) => {
          const worker = (globalThis as unknown as { human: Worker }).human;
          worker.onmessage = ({ data }: MessageEvent<{ emotionMs: number[] }>) => resolve(data.emotionMs);
          worker.postMessage({ type: 'emotion', emotionRuns: runs });
        }),
      runs,
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
