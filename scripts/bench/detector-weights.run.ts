/**
 * `npm run bench`, detector weights: face recall of BlazeFace with its original float32 weights
 * (node_modules/@vladmandic/human/models) and with the float16 copy the app ships
 * (public/models/blazeface, written by scripts/vendor-models.mjs), through the app's own
 * pipeline (regions, follow-ups) on the WASM backend in Node, on composed FER2013 scenes: 8
 * scenes × 3 faces per size, one search cycle and two more frames each, as in docs/inference.md.
 */
import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { FacePipeline } from '../../src/worker/pipeline';
import { parseMetadata } from '../../src/worker/metadata';
import { RegionPlanner } from '../../src/worker/regions';
import type { Box } from '../../src/shared/protocol';
import { DETECTOR_JSON, RESMONET_METADATA, readArtifacts, readJson, REPO } from '../../test/support/model-files';
import { loadFer2013, makeScenes, toRgba } from '../../test/support/scenes';

const SIZES = [24, 32, 40, 48, 64, 96, 144, 200];
const FRAMES = new RegionPlanner().searchCycle(640, 480) + 2;

const centreInside = (found: Box, truth: Box): boolean =>
  Math.abs(found.x + found.width / 2 - truth.x - truth.width / 2) < truth.width / 2 &&
  Math.abs(found.y + found.height / 2 - truth.y - truth.height / 2) < truth.height / 2 &&
  found.width > truth.width / 2 &&
  found.width < truth.width * 2;

it('compares face recall of float32 and float16 BlazeFace weights', async () => {
  setWasmPaths(`${REPO}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  await tf.setBackend('wasm');
  const split = loadFer2013('val');
  const metadata = parseMetadata(readJson(RESMONET_METADATA));
  const classifier = readArtifacts(`${REPO}/public/models/resmonet/${metadata.modelUrl}`);
  const weights = {
    float32: readArtifacts(`${REPO}/node_modules/@vladmandic/human/models/blazeface.json`),
    float16: readArtifacts(DETECTOR_JSON),
  };
  const rows: string[] = [];
  const found: Record<string, number[]> = { float32: [], float16: [] };
  const totals: number[] = [];
  for (const [name, detector] of Object.entries(weights)) {
    const pipeline = await FacePipeline.create({ detector, classifier, metadata });
    for (const [k, size] of SIZES.entries()) {
      const scenes = makeScenes(split, { count: 8, sizes: [size], facesPerScene: 3, seed: 31 + size });
      let hits = 0;
      let total = 0;
      for (const scene of scenes) {
        pipeline.resetTracking();
        const pixels = { data: toRgba(scene), width: scene.width, height: scene.height };
        let faces: { box: Box }[] = [];
        for (let f = 0; f < FRAMES; f++) faces = (await pipeline.run(pixels, 4)).faces;
        total += scene.faces.length;
        hits += scene.faces.filter((t) => faces.some((d) => centreInside(d.box, t.box))).length;
      }
      (found[name] ?? [])[k] = hits;
      totals[k] = total;
    }
    pipeline.dispose();
  }
  SIZES.forEach((size, k) =>
    rows.push(`| ${size} px | ${found.float32?.[k]} / ${totals[k]} | ${found.float16?.[k]} / ${totals[k]} |`),
  );
  process.stdout.write(
    `\nBlazeFace recall by face size (WASM in Node, ${FRAMES} frames per scene):\n\n` +
      `| face | float32 (539 KB) | float16 (270 KB, shipped) |\n|---|---|---|\n${rows.join('\n')}\n`,
  );
});
