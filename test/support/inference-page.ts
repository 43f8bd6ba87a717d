/**
 * Drives the inference worker in a real Chromium page: the page is on the app's origin, the worker
 * is created from its built chunk, and scenes reach the page through an intercepted route.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { BackendPreference, ReadyMessage, ResultMessage, WorkerMessage } from '../../src/shared/protocol';
import {
  initInPage,
  installHarness,
  messagesInPage,
  postInPage,
  runInPage,
  setBackendInPage,
} from './inference-harness';
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
    await page.evaluate(installHarness, new URL(workerPath, origin).href);
    return harness;
  }

  /** Loads the models and waits until the worker has chosen a backend (or failed). */
  async init(preference: BackendPreference = 'auto', maxFaces = 4, timeoutMs = 100_000): Promise<ReadyMessage> {
    return this.page.evaluate(initInPage, { preference, maxFaces, timeoutMs });
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
    return this.page.evaluate(runInPage, { sizes, repeats, firstId, timeoutMs, kind });
  }

  /** Asks for another backend (or `auto`) and waits for the worker to be ready again. */
  async setBackend(preference: BackendPreference, timeoutMs = 100_000): Promise<ReadyMessage> {
    return this.page.evaluate(setBackendInPage, { preference, timeoutMs });
  }

  isolated(): Promise<boolean> {
    return this.page.evaluate(() => crossOriginIsolated);
  }

  async post(message: Parameters<Worker['postMessage']>[0]): Promise<void> {
    await this.page.evaluate(postInPage, message);
  }

  messages(): Promise<WorkerMessage[]> {
    return this.page.evaluate(messagesInPage);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
