/**
 * `npm run bench`, detector weights: face recall of BlazeFace with its original float32 weights
 * (node_modules/@vladmandic/human/models), as float16, on 10 bits per tensor (as ResmoNet shipped
 * before: scripts/quantize.ts; BlazeFace's 1×1 kernels have weights 20–58× their RMS, so a
 * per-tensor step loses small weights) and on 8 to 10 bits per output channel
 * (scripts/channels.mjs), WASM in Node, on the composed FER2013 scenes of scene-recall.ts.
 */
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { FaceDetector } from '../../src/worker/detector';
import { readArtifacts, REPO } from '../../test/support/model-files';
import { halveGroup } from '../float16.mjs';
import { artifactsOf, channelModel, quantizeModel, rewriteModel } from '../quantize';
import { loadFer2013 } from '../../test/support/scenes';
import { recallBySize, SIZES } from './scene-recall';

/** Which forms to compare (BENCH_WEIGHTS=float16,c8 …); all by default. */
const ONLY = process.env.BENCH_WEIGHTS?.split(',');

it('compares face recall of BlazeFace weight formats', async () => {
  setWasmPaths(`${REPO}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  await tf.setBackend('wasm');
  const split = loadFer2013('val');
  const original = `${REPO}/node_modules/@vladmandic/human/models`;
  const json = 'blazeface.json';
  const forms = {
    float16: rewriteModel(original, (g, d) => halveGroup(g as Parameters<typeof halveGroup>[0], d), json),
    t10: quantizeModel(original, 10, json),
    c8: channelModel(original, 8, json),
    c9: channelModel(original, 9, json),
    c10: channelModel(original, 10, json),
  };
  const names: Record<string, string> = {
    float32: 'float32',
    float16: 'float16',
    t10: '10 bits per tensor',
    c8: '8 bits per channel',
    c9: '9 bits per channel',
    c10: '10 bits per channel',
  };
  const kB = (m: { shards: Map<string, Buffer> }): string =>
    `${Math.round(gzipSync(Buffer.concat([...m.shards.values()]), { level: 9 }).length / 1000)} kB gz`;
  const columns: { name: string; found: number[] }[] = [];
  let totals: number[] = [];
  const all: [string, tf.io.ModelArtifacts, string][] = [
    ['float32', readArtifacts(`${original}/${json}`), ''],
    ...Object.entries(forms).map(([key, m]): [string, tf.io.ModelArtifacts, string] => [
      key,
      artifactsOf(m),
      ` (${kB(m)})`,
    ]),
  ];
  for (const [key, artifacts, size] of all) {
    if (ONLY !== undefined && !ONLY.includes(key)) continue;
    const model = await FaceDetector.load(artifacts);
    const { found, total } = await recallBySize(split, model);
    model.dispose();
    columns.push({ name: `${names[key]}${size}`, found });
    totals = total;
  }
  const rows = SIZES.map((s, k) => `| ${s} px | ${columns.map((c) => `${c.found[k]} / ${totals[k]}`).join(' | ')} |`);
  process.stdout.write(
    `\nBlazeFace recall by face size (WASM in Node, search regions then follow-ups):\n\n` +
      `| face | ${columns.map((c) => c.name).join(' | ')} |\n|---|${columns.map(() => '---').join('|')}|\n` +
      `${rows.join('\n')}\n`,
  );
});
