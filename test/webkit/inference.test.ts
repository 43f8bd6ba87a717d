/**
 * ResmoNet and the live pipeline in WebKit's worker, from the production build. WebKit's mock
 * camera shows a test pattern, so the face frames are posted from a test page on the app's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixture from '../model/resmonet-parity.json';
import type { ReadyMessage, ResultMessage, WorkerMessage } from '../../src/shared/protocol';
import type { EmotionLabel } from '../../src/shared/emotions';
import { confidentFaces } from '../support/fake-camera';
import {
  initInPage,
  messagesInPage,
  installHarness,
  postInPage,
  runInPage,
  type InitArgs,
  type RunArgs,
} from '../support/inference-harness';
import { findWorkerChunk, type GreyFrame } from '../support/inference-page';
import { composeScene, hasFer2013, loadFer2013 } from '../support/scenes';
import { serveDist, type DistServer } from '../support/serve-dist';
import { buildParityWorker, type ParityWorker } from './support/parity-worker';
import { hasWebKit, startWebKit, type WebKit, type WebKitBrowser } from './support/webkit';
import { skipWelcome } from './support/app';

const expectedTop = fixture.logits.map((row: number[]) => row.indexOf(Math.max(...row)));

type Reply = { ok: true; top: number[] } | { ok: false; error: string };

async function classifyInWebKit(browser: WebKitBrowser, url: string, backend: 'wasm' | 'cpu'): Promise<Reply> {
  return await browser.execute(
    (workerUrl: string, backendName: string, pixels: number[]) =>
      new Promise<Reply>((resolve) => {
        const worker = new Worker(workerUrl, { type: 'module' });
        worker.onmessage = (event: MessageEvent<Reply>) => {
          worker.terminate();
          resolve(event.data);
        };
        worker.onerror = (event) => resolve({ ok: false, error: event.message });
        worker.postMessage({ backend: backendName, pixels });
      }),
    url,
    backend,
    fixture.pixels,
  );
}

describe.skipIf(!hasWebKit() || !hasFer2013())("inference in WebKit's worker", () => {
  let frames: GreyFrame[] = [];
  let server: DistServer;
  let parity: ParityWorker;
  let webkit: WebKit;
  let browser: WebKitBrowser;
  let ready: ReadyMessage;

  beforeAll(async () => {
    parity = await buildParityWorker();
    server = await serveDist((req, res, next) => {
      if (req.url === '/__webkit-test') {
        res.setHeader('Content-Type', 'text/html');
        return res.end('<!doctype html><title>WebKit test</title>');
      }
      const frame = /^\/__frame\/(\d+)$/.exec(req.url ?? '');
      if (frame) return res.end(Buffer.from(frames[Number(frame[1])]?.grey ?? []));
      return parity.routes(req, res, next);
    });
    webkit = await startWebKit('en_US.UTF-8');
    browser = webkit.browser;
    await skipWelcome(browser, server.url);
    await browser.setTimeout({ script: 170_000 });
    await browser.url(`${server.url}__webkit-test`);
  });

  afterAll(async () => {
    await webkit?.close();
    await server?.close();
    parity?.dispose();
  });

  it.each(['wasm', 'cpu'] as const)(
    'gives the same top-1 on the parity batch as PyTorch and Node, on %s',
    async (b) => {
      expect(await classifyInWebKit(browser, new URL(parity.url, server.url).href, b)).toEqual({
        ok: true,
        top: expectedTop,
      });
    },
  );

  it('measures the backends WebKit offers and runs on a working one', async () => {
    await browser.execute(installHarness, new URL(findWorkerChunk(), server.url).href);
    const init: InitArgs = { preference: 'auto', maxFaces: 4, timeoutMs: 160_000 };
    const first = await browser.execute(initInPage, init);
    // A first start answers on the likely fastest backend, then measures the others and says so again.
    expect(first.reason).toBe('likely');
    // The others are measured once a first frame is answered (the clinician sees an emotion first).
    frames = [composeScene(loadFer2013('val'), [], 640, 480, 98)];
    const firstFrame: RunArgs = {
      sizes: [{ width: 640, height: 480 }],
      repeats: 1,
      firstId: 500,
      timeoutMs: 60_000,
      kind: 'ImageBitmap',
    };
    await browser.execute(runInPage, firstFrame);
    await expect
      .poll(async () => {
        const all: WorkerMessage[] = await browser.execute(messagesInPage);
        const measured = all.find((m): m is ReadyMessage => m.type === 'ready' && m.reason === 'measured');
        if (measured !== undefined) ready = measured;
        return measured !== undefined;
      })
      .toBe(true);
    console.info(`WebKit backends: ${JSON.stringify(ready.probes)} → ${ready.backend}`);
    expect(ready.probes.find((p) => p.backend === 'wasm')).toMatchObject({ ok: true });
    expect(ready.probes.find((p) => p.backend === ready.backend)).toMatchObject({ ok: true });
  });

  it.each(['neutral', 'happy'] as const)(
    'reads %s on a real FER2013 face in camera-sized frames',
    async (label: EmotionLabel) => {
      const split = loadFer2013('val');
      const [face] = await confidentFaces(split, label);
      if (face === undefined) throw new Error(`no val face classified as ${label}`);
      frames = [0, 2, 4, 2].map((dx) => composeScene(split, [{ index: face.index, x: 220 + dx, y: 110, size: 200 }]));
      await browser.execute(postInPage, { type: 'reset-tracking' });
      const run: RunArgs = {
        sizes: frames.map(({ width, height }) => ({ width, height })),
        repeats: 6,
        firstId: label === 'happy' ? 1 : 100,
        timeoutMs: 60_000,
        kind: 'ImageBitmap',
      };
      const results: ResultMessage[] = await browser.execute(runInPage, run);
      const last = results.at(-1)?.result;
      expect(last?.backend).toBe(ready.backend);
      // Every frame, not only the last: WebKit once lost the face on frames whose search regions crossed the edge.
      for (const r of results) expect(r.result.faces.map((f) => f.top)).toEqual([label]);
    },
  );
});
