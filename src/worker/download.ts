/**
 * Download progress of the model files: a `fetch` that counts the bytes of each response as they
 * arrive, so the page can say how much of the download is done on a slow connection.
 */

/** Bytes received and expected so far, over every file fetched through `counting`. */
export class DownloadCounter {
  private readonly files = new Map<string, { loaded: number; total: number }>();
  private step = 0;

  /** `onStep` hears the share of weight bytes downloaded (0–1) each time it crosses a 5 % step. */
  constructor(private readonly onStep: (fraction: number) => void) {}

  get fraction(): number {
    let [loaded, total] = [0, 0];
    for (const f of this.files.values()) [loaded, total] = [loaded + f.loaded, total + Math.max(f.total, f.loaded)];
    return total === 0 ? 0 : loaded / total;
  }

  /** A `fetch` for tfjs's HTTP loader that reports each chunk of the body as it arrives. */
  readonly counting = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const key = String(input instanceof Request ? input.url : input);
    const total = Number(response.headers.get('content-length') ?? 0);
    // Only the weights count: the small model.json files come first and would read as done.
    if (response.body === null || !response.ok || !/\.bin(\?|$)/.test(key)) return response;
    const file = { loaded: 0, total };
    this.files.set(key, file);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        file.loaded += chunk.byteLength;
        const step = Math.floor(this.fraction * 20);
        // A file that starts after another finished lowers the share: that is reported too.
        if (step !== this.step) this.onStep((this.step = step) / 20);
        controller.enqueue(chunk);
      },
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
  };
}

/** A `fetch` that reports the share of weight bytes downloaded to `onStep` at each 5 % step. */
export const countingFetch = (onStep: (fraction: number) => void): typeof fetch => new DownloadCounter(onStep).counting;
