/**
 * `npm run bench`, detector weights: face recall of BlazeFace with its original float32 weights
 * (node_modules/@vladmandic/human/models) and with the float16 copy the app ships
 * (public/models/blazeface, written by scripts/vendor-models.mjs), and on 10 bits per tensor as
 * ResmoNet ships (scripts/quantize.ts; BlazeFace's 1×1 kernels have weights 20–58× their RMS, so a
 * per-tensor step loses small weights), on the WASM backend in Node,
 * on composed FER2013 scenes: 8 scenes × 3 faces per size. Each scene is searched once over every
 * region of a search cycle (the whole frame and the 12 tiles, in one batch), then once more over
 * a follow-up region around each face found, as the app's planner does.
 */
import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { FaceDetector } from '../../src/worker/detector';
import { pixelRegionSource } from '../../src/worker/region-source';
import { followRegion, scanTiles, wholeFrame } from '../../src/worker/regions';
import type { Box } from '../../src/shared/protocol';
import { DETECTOR_JSON, readArtifacts, REPO } from '../../test/support/model-files';
import { quantizeModel } from '../quantize';
import { loadFer2013, makeScenes, toRgba } from '../../test/support/scenes';

const SIZES = [24, 32, 40, 48, 64, 96, 144, 200];

const centreInside = (found: Box, truth: Box): boolean =>
  Math.abs(found.x + found.width / 2 - truth.x - truth.width / 2) < truth.width / 2 &&
  Math.abs(found.y + found.height / 2 - truth.y - truth.height / 2) < truth.height / 2 &&
  found.width > truth.width / 2 &&
  found.width < truth.width * 2;

it('compares face recall of float32 and float16 BlazeFace weights', async () => {
  setWasmPaths(`${REPO}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  await tf.setBackend('wasm');
  const split = loadFer2013('val');
  const original = `${REPO}/node_modules/@vladmandic/human/models`;
  const tenBits = quantizeModel(original, 10, 'blazeface.json');
  const tenBitsJson = JSON.parse(tenBits.modelJson) as { modelTopology: object; weightsManifest: { weights: [] }[] };
  const tenBitsData = new Uint8Array(Buffer.concat([...tenBits.shards.values()])).buffer;
  const weights = {
    float32: readArtifacts(`${original}/blazeface.json`),
    float16: readArtifacts(DETECTOR_JSON),
    bits10: {
      modelTopology: tenBitsJson.modelTopology,
      weightSpecs: tenBitsJson.weightsManifest.flatMap((g) => g.weights),
      weightData: tenBitsData,
    },
  };
  const rows: string[] = [];
  const found: Record<string, number[]> = { float32: [], float16: [], bits10: [] };
  const totals: number[] = [];
  for (const [name, detector] of Object.entries(weights)) {
    const model = await FaceDetector.load(detector);
    for (const [k, size] of SIZES.entries()) {
      const scenes = makeScenes(split, { count: 8, sizes: [size], facesPerScene: 3, seed: 31 + size });
      let hits = 0;
      let total = 0;
      for (const scene of scenes) {
        const source = pixelRegionSource({ data: toRgba(scene), width: scene.width, height: scene.height });
        const search = [wholeFrame(640, 480), ...scanTiles(640, 480)];
        const seen = await model.detect(source, search);
        const faces =
          seen.length === 0
            ? []
            : await model.detect(
                source,
                seen.map((f) => followRegion(f, 640)),
              );
        const boxes: Box[] = faces.map(({ x, y, width, height }) => ({ x, y, width, height }));
        total += scene.faces.length;
        hits += scene.faces.filter((t) => boxes.some((b) => centreInside(b, t.box))).length;
      }
      (found[name] ?? [])[k] = hits;
      totals[k] = total;
    }
    model.dispose();
  }
  SIZES.forEach((size, k) =>
    rows.push(
      `| ${size} px | ${found.float32?.[k]} / ${totals[k]} | ${found.float16?.[k]} / ${totals[k]} | ` +
        `${found.bits10?.[k]} / ${totals[k]} |`,
    ),
  );
  process.stdout.write(
    `\nBlazeFace recall by face size (WASM in Node, search regions then follow-ups):\n\n` +
      `| face | float32 (539 KB) | float16 (270 KB, shipped) | 10 bits (170 KB gz) |\n` +
      `|---|---|---|---|\n${rows.join('\n')}\n`,
  );
});
