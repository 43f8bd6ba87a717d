/** Reading tensors back to the worker, the cheapest way the active backend allows. */
import * as tf from './tf.js';

/** Backends whose tensors live in memory the worker reads directly. */
const CPU_SIDE = new Set(['wasm', 'cpu']);

/**
 * The tensor's values. On WASM and CPU `dataSync()` is a copy out of memory already at hand, while
 * `await data()` adds a task hop (about 1.6 ms per read with the WASM backend in Node); on GPU
 * backends the read stays asynchronous so it does not stall on the device.
 */
export async function readBack(tensor: tf.Tensor): Promise<Float32Array> {
  if (CPU_SIDE.has(tf.getBackend())) return tensor.dataSync<'float32'>();
  return tensor.data<'float32'>();
}
