/// <reference lib="webworker" />
/**
 * Runs the shipped ResmoNet on fixed crops in a dedicated worker, with the app's own loading,
 * backend set-up and classifier, and posts back the top-1 class of each crop.
 */
import { activateBackend } from '../../src/worker/backends';
import { fetchArtifacts } from '../../src/worker/artifacts';
import { EmotionClassifier } from '../../src/worker/classifier';
import type { BackendName } from '../../src/shared/protocol';

interface Request {
  backend: BackendName;
  pixels: number[];
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { backend, pixels } = event.data;
  try {
    await activateBackend(backend);
    const urls = {
      detector: new URL('/models/blazeface/model.json', self.location.origin).href,
      classifier: new URL('/models/resmonet/metadata.json', self.location.origin).href,
    };
    const artifacts = await fetchArtifacts(urls);
    const classifier = await EmotionClassifier.load(artifacts.classifier, artifacts.metadata);
    const { scale, offset, width, height } = artifacts.metadata.input;
    const size = width * height;
    const crops = Array.from({ length: pixels.length / size }, (_, i) =>
      Float32Array.from(pixels.slice(i * size, (i + 1) * size), (p) => p * scale + offset),
    );
    const probabilities = await classifier.classify(crops);
    const top = probabilities.map((p) => p.indexOf(Math.max(...p)));
    self.postMessage({ ok: true, top });
  } catch (e) {
    self.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
