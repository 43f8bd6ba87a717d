import { msg, str } from '@lit/localize';
import type { BackendName, InferenceError, ProgressMessage } from '../shared/protocol.js';

/** What went wrong with the analysis and what the clinician can do; camera and recording are unaffected. */
export function inferenceErrorMessage(error: InferenceError): string {
  switch (error.code) {
    case 'model-load-failed':
    case 'bad-metadata':
      return msg(
        'The emotion model could not be loaded. Reload the app while online once; recording and patient files still work.',
      );
    case 'no-backend':
    case 'backend-unavailable':
      return msg('This browser cannot run the emotion model. Try an up-to-date Chrome, Edge, Firefox or Safari.');
    case 'device-lost':
      return msg('The graphics processor stopped responding; the analysis moved to another engine and continues.');
    case 'worker-crashed':
      return msg('The analysis stopped unexpectedly and was restarted.');
    case 'bad-frame':
    case 'not-ready':
    case 'inference-failed':
      return msg('A frame could not be analysed; the analysis continues with the next one.');
  }
}

/** Backend names are product names, the same in every language. */
export function backendName(backend: BackendName): string {
  const names: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };
  return names[backend];
}

/** What the worker is doing while it loads, or that it moved engines; empty otherwise. */
export function workerStatusNote(worker: {
  status: string;
  progress: ProgressMessage | null;
  fallback: unknown;
}): string {
  if (worker.fallback) return msg('Moved to another engine after a graphics error');
  if (worker.status !== 'loading') return '';
  const progress = worker.progress;
  if (progress?.stage === 'loading-models' && progress.fraction !== undefined && progress.fraction < 1) {
    const percent = Math.round(progress.fraction * 100);
    return msg(str`Downloading what the app needs to read faces: ${percent} % (only the first time)`);
  }
  if (progress?.stage === 'probing' && progress.backend) {
    const engine = backendName(progress.backend);
    return msg(str`Measuring the speed of ${engine}…`);
  }
  return progress?.stage === 'warming-up' ? msg('Warming up…') : msg('Choosing the fastest engine…');
}
