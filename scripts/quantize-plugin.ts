import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { channelModel } from './quantize.ts';

/**
 * ResmoNet's weights on 8 bits per output channel in the build (scripts/channels.mjs; public/ keeps
 * the trained export, which the PyTorch parity test reads), val accuracy within the model-accuracy
 * test's tolerance (test/unit/model-accuracy.test.ts runs this shipped form): 153 kB gzipped, from
 * 194 kB on 10 bits per tensor. 7 bits per channel lost 8 faces mirror-averaged and 8 bits per
 * tensor 13 face only (docs/inference.md, "A light first visit").
 */
export const shippedResmonet = (dir: string) => channelModel(dir, 8);

export function quantizedResmonet(): Plugin {
  let outDir = 'dist';
  return {
    name: 'resmo-quantized-resmonet',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After the public folder is copied, before the service worker's precache manifest is made.
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const source = join(outDir, 'models/resmonet');
        const { modelJson, shards } = shippedResmonet(source);
        writeFileSync(join(source, 'model.json'), modelJson);
        for (const [path, data] of shards) writeFileSync(join(source, path), data);
      },
    },
  };
}
