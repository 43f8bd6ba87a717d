/**
 * BlazeFace's converted graph is fixed to a 256×256 input: its placeholder says so, and four
 * reshapes of its heads name their anchor counts (512, 384). The network itself is convolutional,
 * so with those made free (-1) the same weights run on a 128×128 region with a quarter of the
 * work (`generateAnchors(128)`), as the zoomed follow-up regions do.
 */
import type * as tf from './tf.js';
import { storedBytes, type ChannelWeightSpec } from './channel-weights.js';

interface GraphNode {
  op?: string;
  attr?: { shape?: { shape?: { dim?: { size: string }[] } } };
}

/** A copy of the artifacts whose input side and head lengths are left to the input. */
export function flexibleInput(artifacts: tf.io.ModelArtifacts): tf.io.ModelArtifacts {
  const topology = structuredClone(artifacts.modelTopology) as { node?: GraphNode[] };
  for (const node of topology.node ?? []) {
    const dims = node.op === 'Placeholder' ? node.attr?.shape?.shape?.dim : undefined;
    dims?.forEach((d, i) => {
      if (i === 1 || i === 2) d.size = '-1';
    });
  }
  const source = artifacts.weightData;
  if (source === undefined || Array.isArray(source)) return { ...artifacts, modelTopology: topology };
  const data = source.slice(0);
  const view = new DataView(data);
  let offset = 0;
  for (const spec of (artifacts.weightSpecs ?? []) as ChannelWeightSpec[]) {
    // The heads' reshapes: [1, anchors, 1] and [1, anchors, 16].
    if (spec.dtype === 'int32' && spec.name.endsWith('/shape') && spec.shape[0] === 3) {
      view.setInt32(offset + 4, -1, true);
    }
    offset += storedBytes(spec);
  }
  return { ...artifacts, modelTopology: topology, weightData: data };
}
