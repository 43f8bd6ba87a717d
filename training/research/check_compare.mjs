// Loads every network exported by `npm run bench:models` (training/out/compare/<net>/) with
// tfjs in Node, checks its logits against the PyTorch reference in fixture.json, and records
// peak tensor bytes and ms per face (batch 1) in out/compare/node-<backend>.json.
//   node training/research/check_compare.mjs [cpu|wasm]
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', 'out', 'compare');
const backend = process.argv[2] ?? 'cpu';
if (backend === 'wasm')
  setWasmPaths(join(here, '..', '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
await tf.setBackend(backend);

let failed = false;
const results = [];
for (const net of readdirSync(root).sort()) {
  const dir = join(root, net);
  if (!existsSync(join(dir, 'fixture.json'))) continue;
  const mj = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const bin = readFileSync(join(dir, mj.weightsManifest[0].paths[0]));
  const model = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: mj.modelTopology,
      weightSpecs: mj.weightsManifest[0].weights,
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  });
  const fx = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8'));
  const y = await model.predict(tf.tensor4d(fx.input_nhwc, [fx.n, 48, 48, 1])).data();
  const diff = Math.max(...fx.logits.map((v, i) => Math.abs(v - y[i])));
  const scale = Math.max(...fx.logits.map(Math.abs));
  const ok = diff <= 1e-4 * Math.max(1, scale);
  failed ||= !ok;

  // Peak tensor memory and the median time of one face (batch 1) in this Node backend.
  const face = tf.randomUniform([1, 48, 48, 1], -1, 1);
  const before = tf.memory().numBytes;
  const profile = await tf.profile(() => model.predict(face));
  tf.dispose(profile.result);
  const times = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const out = model.predict(face);
    await out.data();
    out.dispose();
    if (i >= 2) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1];
  const peak = profile.peakBytes - before; // activations beyond the resident weights and input
  model.dispose();
  face.dispose();
  results.push({ net, backend, peakTensorBytes: peak, msPerFace: ms, maxAbsDiff: diff });
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${net.padEnd(16)} params ${model.countParams()} max |diff| ${diff.toExponential(2)} ` +
      `(max |logit| ${scale.toFixed(3)}), peak tensor bytes ${peak}, ${ms.toFixed(1)} ms/face (${backend}, Node)`,
  );
}
writeFileSync(join(root, `node-${backend}.json`), JSON.stringify(results, null, 1));
process.exit(failed ? 1 : 0);
