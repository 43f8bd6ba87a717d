import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadCounter } from '../../src/worker/download';

/** A response whose body arrives in `chunks` pieces of `size` bytes, with its length announced. */
function slowResponse(chunks: number, size: number): Response {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size));
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'content-length': String(chunks * size) } });
}

describe('download progress of the model files', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports the share of bytes received over every file, in 5 % steps, ending at 1', async () => {
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve(url.endsWith('a.bin') ? slowResponse(10, 300) : slowResponse(4, 250)),
    );
    const steps: number[] = [];
    const counter = new DownloadCounter((fraction) => steps.push(fraction));
    const [a, b] = await Promise.all([counter.counting('/m/a.bin'), counter.counting('/m/b.bin')]);
    expect((await a.arrayBuffer()).byteLength).toBe(3000);
    expect((await b.arrayBuffer()).byteLength).toBe(1000);
    expect(steps.length).toBeGreaterThan(3);
    expect(steps).toEqual([...steps].sort((x, y) => x - y));
    expect(steps.every((f) => Math.round(f * 20) === f * 20)).toBe(true);
    expect(steps.at(-1)).toBe(1);
  });

  it('passes a failed response through untouched', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('gone', { status: 404 })));
    const steps: number[] = [];
    const response = await new DownloadCounter((f) => steps.push(f)).counting('/m/x.bin');
    expect(response.status).toBe(404);
    expect(steps).toEqual([]);
  });
});
