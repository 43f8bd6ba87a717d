/**
 * The detector worker's side: BlazeFace alone on WASM, answering one request at a time. It is the
 * inference worker's own script started under another name, so it costs no extra download.
 */
import { message } from './error-message.js';
import { activateBackend } from './backends.js';
import { FaceDetector } from './detector.js';
import type { DetectorReply, DetectorRequest } from './detector-protocol.js';
import { CanvasRegionSource } from './region-source.js';

export class DetectorHost {
  private detector: FaceDetector | null = null;
  private readonly source = new CanvasRegionSource();

  constructor(private readonly reply: (message: DetectorReply) => void) {}

  async receive(request: DetectorRequest): Promise<void> {
    if (request.type === 'init') {
      try {
        await activateBackend('wasm');
        this.detector = await FaceDetector.load(request.detector);
        this.reply({ type: 'ready' });
      } catch (e) {
        this.reply({ type: 'failed', id: null, message: message(e) });
      }
      return;
    }
    const { id, frame, width, height, regions } = request;
    try {
      if (this.detector === null) throw new Error('the detector is not loaded');
      const t0 = performance.now();
      const detections = await this.detector.detect(this.source.use(frame, width, height), regions);
      this.reply({ type: 'detections', id, detections, ms: performance.now() - t0 });
    } catch (e) {
      this.reply({ type: 'failed', id, message: message(e) });
    } finally {
      frame.close();
    }
  }
}
