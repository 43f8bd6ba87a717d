/**
 * The in-page side of the inference tests: functions that run in the browser page (passed to
 * Playwright's `evaluate` or WebDriver's `execute`), so Chromium and WebKit drive the worker the
 * same way. They use nothing from their module scope: each is serialized on its own.
 */
import type { BackendPreference, ReadyMessage, ResultMessage, WorkerMessage } from '../../src/shared/protocol';

interface PageHarness {
  worker: Worker;
  messages: WorkerMessage[];
  /** The first message from index `after` on that matches. */
  waitFor(match: (m: WorkerMessage) => boolean, timeoutMs: number, after?: number): Promise<WorkerMessage>;
}

/** Starts the worker from `url` and keeps its messages on `globalThis.harness`. */
export function installHarness(url: string): void {
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
}

export interface InitArgs {
  preference: BackendPreference;
  maxFaces: number;
  timeoutMs: number;
}

/** Loads the app's models in the worker and waits until it has chosen a backend (or failed). */
export async function initInPage({ preference, maxFaces, timeoutMs }: InitArgs): Promise<ReadyMessage> {
  const h = (globalThis as unknown as { harness: PageHarness }).harness;
  const models = {
    detector: new URL('models/blazeface/model.json', location.origin + '/').href,
    classifier: new URL('models/resmonet/metadata.json', location.origin + '/').href,
  };
  h.worker.postMessage({ type: 'init', models, preference, remembered: null, maxFaces });
  const m = await h.waitFor((x) => x.type === 'ready' || (x.type === 'error' && x.id === null), timeoutMs);
  if (m.type !== 'ready') throw new Error(JSON.stringify(m));
  return m;
}

export interface RunArgs {
  sizes: { width: number; height: number }[];
  repeats: number;
  firstId: number;
  timeoutMs: number;
  kind: 'ImageBitmap' | 'VideoFrame';
}

/**
 * Fetches grey frames from `/__frame/<index>`, sends `repeats` of them in a row as a camera
 * would (each after the previous result), and returns every result.
 */
export async function runInPage({ sizes, repeats, firstId, timeoutMs, kind }: RunArgs): Promise<ResultMessage[]> {
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
}

/** Asks for another backend (or `auto`) and waits for the worker to be ready again. */
export async function setBackendInPage({
  preference,
  timeoutMs,
}: {
  preference: BackendPreference;
  timeoutMs: number;
}): Promise<ReadyMessage> {
  const h = (globalThis as unknown as { harness: PageHarness }).harness;
  const after = h.messages.length;
  h.worker.postMessage({ type: 'set-backend', preference });
  const m = await h.waitFor((x) => x.type === 'ready' || (x.type === 'error' && x.id === null), timeoutMs, after);
  if (m.type !== 'ready') throw new Error(JSON.stringify(m));
  return m;
}

export function postInPage(message: unknown): void {
  (globalThis as unknown as { harness: PageHarness }).harness.worker.postMessage(message);
}

export function messagesInPage(): WorkerMessage[] {
  return (globalThis as unknown as { harness: PageHarness }).harness.messages;
}
