// Loads every network exported by `npm run bench:models` (training/out/compare/<net>/) with
// tfjs in Node and checks its logits against the PyTorch reference in fixture.json.
//   node training/check_compare.mjs [cpu|wasm]
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, 'out', 'compare');
const backend = process.argv[2] ?? 'cpu';
if (backend === 'wasm')
  setWasmPaths(join(here, '..', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
await tf.setBackend(backend);

let failed = false;
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
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${net.padEnd(16)} params ${model.countParams()} max |diff| ${diff.toExponential(2)} (max |logit| ${scale.toFixed(3)})`,
  );
}
process.exit(failed ? 1 : 0);
