/** ResmoNet as the build ships it (dist/), on the bare 48×48 FER2013 crops, in Node on tfjs WASM: the model's own accuracy on a set of faces. */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { EmotionClassifier } from '../../src/worker/classifier';
import { normalise } from '../../src/worker/face-crop';
import { parseMetadata } from '../../src/worker/metadata';
import { readArtifacts, readJson, REPO, RESMONET_METADATA } from './model-files';
import { ferFace, type FerSplit } from './scenes';

/** Top-1 label index of each FER face, straight from its original crop. */
export async function classifyFerFaces(split: FerSplit, indices: readonly number[]): Promise<number[]> {
  setWasmPaths(`${REPO}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  await tf.setBackend('wasm');
  const metadata = parseMetadata(readJson(RESMONET_METADATA));
  const classifier = await EmotionClassifier.load(
    readArtifacts(`${REPO}/dist/models/resmonet/${metadata.modelUrl}`),
    metadata,
  );
  try {
    const { scale, offset } = metadata.input;
    const crops = indices.map((i) => normalise(Float32Array.from(ferFace(split, i)), scale, offset));
    const probabilities = await classifier.classify(crops);
    return probabilities.map((p) => p.indexOf(Math.max(...p)));
  } finally {
    classifier.dispose();
  }
}
