import type { WorkerMessage, WorkerRequest } from '../shared/protocol.js';
import { trustedScriptUrl } from '../shared/trusted-types.js';
import inferenceWorkerUrl from '../worker/inference.worker.ts?worker&url';

/** What the worker client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

/** The inference worker; Vite bundles it as its own chunk and gives its URL, passed through the Trusted Types policy. */
export function spawnWorker(): WorkerLike {
  return new Worker(trustedScriptUrl(inferenceWorkerUrl), { type: 'module', name: 'inference' });
}

/** Passes on the worker's messages and crashes for as long as `isCurrent()` says it is the one in use. */
export function listen(
  worker: WorkerLike,
  isCurrent: () => boolean,
  onMessage: (message: WorkerMessage) => void,
  onCrash: (event: Event) => void,
): void {
  worker.addEventListener('message', (event) => {
    if (isCurrent()) onMessage(event.data);
  });
  const crashed = (event: Event): void => {
    if (isCurrent()) onCrash(event);
  };
  worker.addEventListener('error', crashed);
  worker.addEventListener('messageerror', crashed);
}
