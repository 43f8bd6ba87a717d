/**
 * `npm run bench`, detector input: BlazeFace on 256×256 follow-up regions of 4× the face (as
 * shipped first) against 128, 96 and 64 px regions of 1.6–2.5× the face (the same network on fewer
 * pixels: src/worker/flexible-input.ts), alone or falling back to the 256 px region when they
 * find no face, for face recall on the composed scenes (scene-recall.ts) and time per detector
 * pass, WASM in Node. (Measured and dropped: 128 px of 2.5× or 3× alone lost 7–11 faces.)
 */
import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { FaceDetector } from '../../src/worker/detector';
import { pixelRegionSource } from '../../src/worker/region-source';
import type { Box } from '../../src/shared/protocol';
import { DETECTOR_JSON, readArtifacts, REPO } from '../../test/support/model-files';
import { loadFer2013, makeScenes, toRgba } from '../../test/support/scenes';
import { recallBySize, SIZES, type Follow } from './scene-recall';

const square = (f: Box, factor: number, input: number) => {
  const size = Math.min(640, Math.max(f.width, f.height) * factor);
  return { x: f.x + f.width / 2 - size / 2, y: f.y + f.height / 2 - size / 2, size, input };
};
const zoomed =
  (factor: number, input: number, fallback = false): Follow =>
  (f: Box) => ({
    ...square(f, factor, input),
    ...(fallback ? { fallback: square(f, 4, 256), face: Math.max(f.width, f.height) } : {}),
  });

it('compares follow-up regions at 256, 128, 96 and 64 px', async () => {
  setWasmPaths(`${REPO}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  await tf.setBackend('wasm');
  const split = loadFer2013('val');
  const model = await FaceDetector.load(readArtifacts(DETECTOR_JSON));
  const scene = makeScenes(split, { count: 1, sizes: [96], facesPerScene: 1, seed: 5 })[0];
  if (scene === undefined) throw new Error('no scene');
  const source = pixelRegionSource({ data: toRgba(scene), width: scene.width, height: scene.height });
  const timing: string[] = [];
  for (const input of [256, 128, 96, 64, 256, 128, 96, 64]) {
    const region = { x: 100, y: 50, size: 300, input };
    for (let i = 0; i < 5; i++) await model.detect(source, [region]);
    const t0 = performance.now();
    for (let i = 0; i < 40; i++) await model.detect(source, [region]);
    timing.push(`${input} px: ${((performance.now() - t0) / 40).toFixed(2)} ms per pass`);
  }
  const all: [string, Follow][] = [
    ['256 px, 4× (shipped)', zoomed(4, 256)],
    ['128 px, 2×', zoomed(2, 128)],
    ['128 px, 2×, else 256 px, 4×', zoomed(2, 128, true)],
    ['128 px, 2.5×, else 256 px, 4×', zoomed(2.5, 128, true)],
    ['96 px, 2×, else 256 px, 4×', zoomed(2, 96, true)],
    ['96 px, 1.6×, else 256 px, 4×', zoomed(1.6, 96, true)],
    ['64 px, 1.6×, else 256 px, 4×', zoomed(1.6, 64, true)],
  ];
  /** BENCH_FOLLOW=1,3 picks columns (0 = as shipped before). */
  const pick = process.env.BENCH_FOLLOW?.split(',').map(Number);
  const options = all.filter((_, i) => pick === undefined || pick.includes(i));
  const columns: string[][] = [];
  let totals: number[] = [];
  for (const [, follow] of options) {
    const { found, total } = await recallBySize(split, model, follow);
    columns.push(found.map(String));
    totals = total;
  }
  model.dispose();
  const rows = SIZES.map((s, k) => `| ${s} px | ${columns.map((c) => `${c[k]} / ${totals[k]}`).join(' | ')} |`);
  process.stdout.write(
    `\nDetector pass, WASM in Node: ${timing.join('; ')}\n\nRecall by face size, follow-up region:\n\n` +
      `| face | ${options.map(([n]) => n).join(' | ')} |\n|---|${options.map(() => '---').join('|')}|\n${rows.join('\n')}\n`,
  );
});
