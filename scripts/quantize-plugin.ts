import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { quantizeModel } from './quantize.ts';

/**
 * ResmoNet's weights on 10 bits per tensor in the build (public/ keeps the trained export, which
 * the PyTorch parity test reads): 269 → 200 KB gzipped, val accuracy unchanged
 * (test/unit/model-accuracy.test.ts runs the shipped form). BlazeFace stays float16: it loses
 * faces even on 10 bits (docs/inference.md, "Detector weights").
 */
export const RESMONET_BITS = 10;

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
        const { modelJson, shards } = quantizeModel(source, RESMONET_BITS);
        writeFileSync(join(source, 'model.json'), modelJson);
        for (const [path, data] of shards) writeFileSync(join(source, path), data);
      },
    },
  };
}
