/**
 * Drives the inference worker in a real Chromium page: the page is on the app's origin, the worker
 * is created from its built chunk, and scenes reach the page through an intercepted route.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BackendPreference, ReadyMessage, ResultMessage, WorkerMessage } from '../../src/shared/protocol';
import { REPO } from './model-files';

export interface GreyFrame {
  width: number;
  height: number;
  grey: Uint8Array;
}

/** The worker chunk of the production build, relative to the origin (e.g. `assets/inference.worker-ab12.js`). */
export function findWorkerChunk(dist = join(REPO, 'dist')): string {
  const chunk = readdirSync(join(dist, 'assets')).find((f) => /^inference\.worker-.*\.js$/.test(f));
  if (chunk === undefined)
    throw new Error(`no inference.worker-*.js in ${dist}/assets: build first, and import the controller`);
  return `assets/${chunk}`;
}

interface PageHarness {
  worker: Worker;
  messages: WorkerMessage[];
  /** The first message from index `after` on that matches. */
  waitFor(match: (m: WorkerMessage) => boolean, timeoutMs: number, after?: number): Promise<WorkerMessage>;
}

export class InferencePage {
  private frames: GreyFrame[] = [];
  private nextId = 1;

  private constructor(readonly page: Page) {}

  /**
   * Opens a blank page at `${origin}__inference-test` and starts the worker from `workerPath`.
   * `crossOriginIsolated` serves the page and the scripts with COOP/COEP, so SharedArrayBuffer
   * (and with it tfjs's threaded WASM build) becomes available.
   */
  static async open(
    browser: Browser,
    origin: string,
    workerPath: string,
    { crossOriginIsolated = false } = {},
  ): Promise<InferencePage> {
    const page = await browser.newPage();
    const harness = new InferencePage(page);
    const isolation: Record<string, string> = crossOriginIsolated
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
      : {};
    await page.route('**/__inference-test', (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: isolation,
        body: '<!doctype html><title>inference test</title>',
      }),
    );
    if (crossOriginIsolated) {
      await page.route('**/assets/*.js', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), ...isolation } });
      });
    }
    await page.route('**/__frame/*', (route) => {
      const index = Number(route.request().url().split('/').pop());
      const frame = harness.frames[index];
      return frame === undefined
        ? route.fulfill({ status: 404 })
        : route.fulfill({ body: Buffer.from(frame.grey), contentType: 'application/octet-stream' });
    });
    await page.goto(new URL('__inference-test', origin).href);
    await page.evaluate((url) => {
      const worker = new Worker(url, { type: 'module' });
      const messages: WorkerMessage[] = [];
      const waiters: { match: (m: WorkerMessage) => boolean; resolve: (m: WorkerMessage) => void }[] = [];
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        messages.push(event.data);
        for (const w of [...waiters]) {
          if (w.match(event.data)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(event.data);
          }
        }
      });
      worker.addEventListener('error', (event) =>
        messages.push({ type: 'error', id: null, error: { code: 'worker-crashed', message: event.message } }),
      );
      const harness: PageHarness = {
        worker,
        messages,
        waitFor: (match, timeoutMs, after = 0) =>
          new Promise((resolve, reject) => {
            const found = messages.slice(after).find(match);
            if (found) return resolve(found);
            waiters.push({ match, resolve });
            setTimeout(
              () => reject(new Error(`timed out; last messages: ${JSON.stringify(messages.slice(-3))}`)),
              timeoutMs,
            );
          }),
      };
      (globalThis as unknown as { harness: PageHarness }).harness = harness;
    }, new URL(workerPath, origin).href);
    return harness;
  }

  /** Loads the models and waits until the worker has chosen a backend (or failed). */
  async init(preference: BackendPreference = 'auto', maxFaces = 4, timeoutMs = 100_000): Promise<ReadyMessage> {
    return this.page.evaluate(
      async ({ preference, maxFaces, timeoutMs }) => {
        const h = (globalThis as unknown as { harness: PageHarness }).harness;
        const models = {
          detector: new URL('models/blazeface/model.json', location.origin + '/').href,
          classifier: new URL('models/resmonet/metadata.json', location.origin + '/').href,
        };
        h.worker.postMessage({ type: 'init', models, preference, remembered: null, maxFaces });
        const m = await h.waitFor((x) => x.type === 'ready' || (x.type === 'error' && x.id === null), timeoutMs);
        if (m.type !== 'ready') throw new Error(JSON.stringify(m));
        return m;
      },
      { preference, maxFaces, timeoutMs },
    );
  }

  /**
   * Sends `repeats` frames in a row, cycling through `frames`, each after the previous result;
   * returns every result. Like a camera that has just started, the worker first forgets the faces
   * it followed, unless `continued`.
   */
  async run(
    frames: GreyFrame | GreyFrame[],
    repeats = 1,
    timeoutMs = 60_000,
    kind: 'ImageBitmap' | 'VideoFrame' = 'ImageBitmap',
    continued = false,
  ): Promise<ResultMessage[]> {
    if (!continued) await this.post({ type: 'reset-tracking' });
    this.frames = Array.isArray(frames) ? frames : [frames];
    const sizes = this.frames.map(({ width, height }) => ({ width, height }));
    const firstId = this.nextId;
    this.nextId += repeats;
    return this.page.evaluate(
      async ({ sizes, repeats, firstId, timeoutMs, kind }) => {
        const h = (globalThis as unknown as { harness: PageHarness }).harness;
        const images = await Promise.all(
          sizes.map(async ({ width, height }, index) => {
            const grey = new Uint8Array(await (await fetch(`/__frame/${index}`)).arrayBuffer());
            const rgba = new Uint8ClampedArray(width * height * 4);
            for (let i = 0; i < grey.length; i++) {
              const g = grey[i] ?? 0;
              rgba[4 * i] = g;
              rgba[4 * i + 1] = g;
              rgba[4 * i + 2] = g;
              rgba[4 * i + 3] = 255;
            }
            return new ImageData(rgba, width, height);
          }),
        );
        const results: ResultMessage[] = [];
        for (let k = 0; k < repeats; k++) {
          const id = firstId + k;
          const bitmap = await createImageBitmap(images[k % images.length] as ImageData);
          const frame = kind === 'VideoFrame' ? new VideoFrame(bitmap, { timestamp: k }) : bitmap;
          if (frame !== bitmap) bitmap.close();
          h.worker.postMessage({ type: 'frame', id, timestamp: k, frame }, [frame]);
          const m = await h.waitFor((x) => (x.type === 'result' || x.type === 'error') && x.id === id, timeoutMs);
          if (m.type !== 'result') throw new Error(JSON.stringify(m));
          results.push(m);
        }
        return results;
      },
      { sizes, repeats, firstId, timeoutMs, kind },
    );
  }

  /** Asks for another backend (or `auto`) and waits for the worker to be ready again. */
  async setBackend(preference: BackendPreference, timeoutMs = 100_000): Promise<ReadyMessage> {
    return this.page.evaluate(
      async ({ preference, timeoutMs }) => {
        const h = (globalThis as unknown as { harness: PageHarness }).harness;
        const after = h.messages.length;
        h.worker.postMessage({ type: 'set-backend', preference });
        const m = await h.waitFor((x) => x.type === 'ready' || (x.type === 'error' && x.id === null), timeoutMs, after);
        if (m.type !== 'ready') throw new Error(JSON.stringify(m));
        return m;
      },
      { preference, timeoutMs },
    );
  }

  isolated(): Promise<boolean> {
    return this.page.evaluate(() => crossOriginIsolated);
  }

  async post(message: Parameters<Worker['postMessage']>[0]): Promise<void> {
    await this.page.evaluate(
      (m) => (globalThis as unknown as { harness: PageHarness }).harness.worker.postMessage(m),
      message,
    );
  }

  messages(): Promise<WorkerMessage[]> {
    return this.page.evaluate(() => (globalThis as unknown as { harness: PageHarness }).harness.messages);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
