import { describe, expect, it } from 'vitest';
import type { RawDetection, Region } from '../../src/worker/blazeface-decode';
import { BackgroundRefresh } from '../../src/worker/background-refresh';
import type { BackgroundDetector, Detected } from '../../src/worker/detector-link';
import type { Pixels } from '../../src/worker/face-crop';

/** A detector worker whose answers the test gives by hand. */
class HandDetector implements BackgroundDetector {
  started = false;
  closed = 0;
  disposed = false;
  answers: { resolve: (d: Detected) => void; reject: (e: Error) => void }[] = [];

  ready(): boolean {
    const was = this.started;
    this.started = true;
    return was && this.answers.length === 0 && !this.disposed;
  }

  detect(frame: { close(): void }, _w: number, _h: number, _regions: Region[]): Promise<Detected> {
    frame.close();
    return new Promise((resolve, reject) => this.answers.push({ resolve, reject }));
  }

  answer(detections: RawDetection[]): Promise<void> {
    this.answers.shift()?.resolve({ detections, ms: 7 });
    return Promise.resolve();
  }

  fail(): Promise<void> {
    this.answers.shift()?.reject(new Error('stopped'));
    return new Promise((r) => setTimeout(r));
  }

  dispose(): void {
    this.disposed = true;
  }
}

const face: RawDetection = { score: 0.9, x: 10, y: 20, width: 30, height: 30, keypoints: [] };
const pixels: Pixels = { data: new Uint8ClampedArray(4 * 64 * 48), width: 64, height: 48 };
const frame = (d: HandDetector) => ({ close: () => d.closed++ }) as unknown as ImageBitmap;
const region: Region = { x: 0, y: 0, size: 64 };

/** A refresh whose detector worker is ready, with one request sent. */
function sentOnce(): { detector: HandDetector; refresh: BackgroundRefresh } {
  const detector = new HandDetector();
  const refresh = new BackgroundRefresh(detector);
  refresh.available();
  refresh.send(frame(detector), pixels, [region]);
  return { detector, refresh };
}

describe('background refresh', () => {
  it('starts the detector worker when first asked, and sends nothing before it is ready', () => {
    const detector = new HandDetector();
    const refresh = new BackgroundRefresh(detector);
    expect(refresh.available()).toBe(false);
    expect(detector.started).toBe(true);
    expect(refresh.available()).toBe(true);
  });

  it('gives the answer once, with the frame it was found in, and one request at a time', async () => {
    const { detector, refresh } = sentOnce();
    expect(detector.closed).toBe(1);
    expect(refresh.available()).toBe(false);
    expect(refresh.take()).toBeNull();
    await detector.answer([face]);
    expect(refresh.take()).toEqual({ detections: [face], ms: 7, pixels });
    expect(refresh.take()).toBeNull();
    expect(refresh.available()).toBe(true);
  });

  it('drops an answer made stale by a detection here or a new stream', async () => {
    const { detector, refresh } = sentOnce();
    refresh.cancel();
    // Still awaited: no second request goes out until it is answered.
    expect(refresh.available()).toBe(false);
    await detector.answer([face]);
    expect(refresh.take()).toBeNull();
    expect(refresh.available()).toBe(true);
    refresh.send(frame(detector), pixels, [region]);
    await detector.answer([face]);
    refresh.cancel();
    expect(refresh.take()).toBeNull();
  });

  it('after a failed request, has nothing to give and can send again', async () => {
    const { detector, refresh } = sentOnce();
    await detector.fail();
    expect(refresh.take()).toBeNull();
    expect(refresh.available()).toBe(true);
    refresh.dispose();
    expect(detector.disposed).toBe(true);
  });
});
