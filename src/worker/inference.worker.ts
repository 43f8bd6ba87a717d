/** Entry of the dedicated inference worker: wires messages to one InferenceService. */
import type { WorkerMessage, WorkerRequest } from '../shared/protocol.js';
import { InferenceService } from './service.js';

declare const self: DedicatedWorkerGlobalScope;

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
