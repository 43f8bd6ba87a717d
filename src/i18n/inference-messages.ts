import { msg } from '@lit/localize';
import type { BackendName, BackendProbe, InferenceError } from '../shared/protocol.js';

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

/** That the analysis moved engines after a graphics error; empty otherwise (loading shows as a progress bar). */
export function workerStatusNote(worker: { fallback: unknown }): string {
  return worker.fallback ? msg('Moved to another engine after a graphics error') : '';
}

/**
 * The note beside an engine in Settings › Advanced. An engine this browser lacks is not an error
 * when another one runs the model: say only that it is not available here.
 */
export function probeNote(probe: BackendProbe, anotherRuns: boolean): string {
  if (probe.ok) return probe.software ? msg('Software emulation, used only as a last resort') : '';
  const missing = probe.error.code === 'backend-unavailable' || probe.error.code === 'no-backend';
  if (missing && anotherRuns) return msg('Not available in this browser; the analysis uses another engine.');
  return inferenceErrorMessage(probe.error);
}
