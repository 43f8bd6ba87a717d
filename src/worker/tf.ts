/**
 * The parts of TensorFlow.js the worker always needs: the core ops and the graph-model loader.
 * Backends other than WASM (`backends.ts`) and the Keras-layers loader (`classifier.ts`) are
 * separate chunks, fetched only when a device uses them, so a first visit downloads one backend.
 */
export * from '@tensorflow/tfjs-core';
export { loadGraphModel, GraphModel } from '@tensorflow/tfjs-converter';
