/**
 * Entry of the dedicated inference worker: wires messages to one InferenceService. Started under
 * the name `DETECTOR_ROLE`, the same script is the detector worker instead (detector-host.ts).
 */
import type { WorkerMessage, WorkerRequest } from '../shared/protocol.js';
import { DetectorHost } from './detector-host.js';
import { DETECTOR_ROLE, type DetectorReply, type DetectorRequest } from './detector-protocol.js';
import { InferenceService } from './service.js';

declare const self: DedicatedWorkerGlobalScope;

if (self.name === DETECTOR_ROLE) {
  const host = new DetectorHost((message: DetectorReply) => self.postMessage(message));
  let queue = Promise.resolve();
  self.addEventListener('message', (event: MessageEvent<DetectorRequest>) => {
    queue = queue.then(() => host.receive(event.data));
  });
} else {
  // The chunk's URL carries its content hash, so it changes whenever the pipeline code does.
  const service = new InferenceService(
    (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer),
    self.location.pathname,
  );
  self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
    const request = event.data;
    void service.receive(request).then(() => {
      if (request.type === 'dispose') self.close();
    });
  });
}
