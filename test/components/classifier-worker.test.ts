import { describe, expect, it } from 'vitest';
import fixture from '../model/resmonet-parity.json';

type Reply = { ok: true; top: number[] } | { ok: false; error: string };

function classifyInWorker(backend: 'wasm' | 'cpu'): Promise<Reply> {
  const worker = new Worker(new URL('./classify.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Reply>((resolve) => {
    worker.onmessage = (event: MessageEvent<Reply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.postMessage({ backend, pixels: fixture.pixels });
  });
}

/** Top-1 of the fixed parity batch as PyTorch (and tfjs in Node, see model-parity) computed it. */
const expected = fixture.logits.map((row: number[]) => row.indexOf(Math.max(...row)));

describe("ResmoNet in Chromium's worker", () => {
  it.each(['wasm', 'cpu'] as const)(
    'gives the same top-1 as in Node on %s',
    async (backend) => {
      const reply = await classifyInWorker(backend);
      expect(reply).toEqual({ ok: true, top: expected });
    },
    60_000,
  );
});
