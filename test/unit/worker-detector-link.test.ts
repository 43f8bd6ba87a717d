import { describe, expect, it } from 'vitest';
import type { RawDetection } from '../../src/worker/blazeface-decode';
import { DetectorLink } from '../../src/worker/detector-link';
import type { DetectorReply, DetectorRequest } from '../../src/worker/detector-protocol';

/** A detector worker in the test's hands: it records what it is sent, and answers when told. */
class HandWorker extends EventTarget {
  sent: DetectorRequest[] = [];
  terminated = false;
  refuseTransfer = false;

  postMessage(request: DetectorRequest): void {
    if (this.refuseTransfer && request.type === 'detect') throw new DOMException('not transferable', 'DataCloneError');
    this.sent.push(request);
  }

  reply(message: DetectorReply): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }

  crash(): void {
    this.dispatchEvent(new Event('error'));
  }

  terminate(): void {
    this.terminated = true;
  }
}

const face: RawDetection = { score: 0.9, x: 10, y: 20, width: 30, height: 30, keypoints: [] };
const artifacts = { modelTopology: {}, weightSpecs: [], weightData: new ArrayBuffer(8) };

function link(): { worker: HandWorker; link: DetectorLink; frame: () => ImageBitmap & { closed: boolean } } {
  const worker = new HandWorker();
  const frame = () => {
    const f = { closed: false, close: () => (f.closed = true) };
    return f as unknown as ImageBitmap & { closed: boolean };
  };
  return { worker, link: new DetectorLink(artifacts, () => worker as unknown as Worker), frame };
}

describe('detector link', () => {
  it('starts the worker with the detector model on first use, and is ready once it says so', () => {
    const { worker, link: l } = link();
    expect(l.ready()).toBe(false);
    expect(worker.sent).toEqual([{ type: 'init', detector: artifacts }]);
    expect(l.ready()).toBe(false);
    worker.reply({ type: 'ready' });
    expect(l.ready()).toBe(true);
  });

  it('answers each request with its own detections, one request at a time', async () => {
    const { worker, link: l, frame } = link();
    l.ready();
    worker.reply({ type: 'ready' });
    const answer = l.detect(frame(), 640, 480, [{ x: 0, y: 0, size: 640 }]);
    expect(worker.sent.at(-1)).toMatchObject({ type: 'detect', width: 640, height: 480 });
    expect(l.ready()).toBe(false);
    const id = (worker.sent.at(-1) as { id: number }).id;
    worker.reply({ type: 'detections', id: id + 1, detections: [], ms: 1 });
    worker.reply({ type: 'detections', id, detections: [face], ms: 3 });
    await expect(answer).resolves.toEqual({ detections: [face], ms: 3 });
    expect(l.ready()).toBe(true);
  });

  it('gives up for good when the worker fails, rejecting the request in flight', async () => {
    const { worker, link: l, frame } = link();
    l.ready();
    worker.reply({ type: 'ready' });
    const answer = l.detect(frame(), 640, 480, []);
    worker.crash();
    await expect(answer).rejects.toThrow('stopped');
    expect(worker.terminated).toBe(true);
    expect(l.ready()).toBe(false);
    const late = frame();
    await expect(l.detect(late, 640, 480, [])).rejects.toThrow();
    expect(late.closed).toBe(true);
  });

  it('gives up when the model does not load there, or when a frame cannot be handed over', async () => {
    const first = link();
    first.link.ready();
    first.worker.reply({ type: 'failed', id: null, message: 'no WASM' });
    expect(first.link.ready()).toBe(false);
    const second = link();
    second.link.ready();
    second.worker.reply({ type: 'ready' });
    second.worker.refuseTransfer = true;
    const f = second.frame();
    await expect(second.link.detect(f, 640, 480, [])).rejects.toThrow('not transferable');
    expect(f.closed).toBe(true);
    expect(second.link.ready()).toBe(false);
  });
});
