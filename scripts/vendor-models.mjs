#!/usr/bin/env node
// Copies BlazeFace (Google, Apache-2.0; converted to tfjs by @vladmandic/human, MIT) from
// node_modules into public/models/blazeface/, so the build serves and precaches it. Its float32
// kernels are stored on 9 bits per output channel and its biases as float16 (scripts/channels.mjs,
// read back by src/worker/channel-weights.ts; recall on the bench scenes checked in
// docs/inference.md, "Detector weights").
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelGroup } from './channels.mjs';

/** No face lost on the bench scenes at 9 bits; 8 bits lost 16 of 188 (docs/inference.md). */
const BITS = 9;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules/@vladmandic/human/models');
const target = join(root, 'public/models/blazeface');

// Afresh, so no stale float32 shard is served or precached beside the float16 one.
await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
const model = JSON.parse(await readFile(join(source, 'blazeface.json'), 'utf8'));
const shards = model.weightsManifest.flatMap((group) => group.paths);
const weightsManifest = [];
for (const group of model.weightsManifest) {
  const data = Buffer.concat(await Promise.all(group.paths.map((p) => readFile(join(source, p)))));
  const packed = channelGroup(group, data, BITS);
  const path = group.paths[0].replace(/\.bin$/, '') + `-c${BITS}.bin`;
  await writeFile(join(target, path), packed.data);
  weightsManifest.push({ paths: [path], weights: packed.weights });
}
await writeFile(join(target, 'model.json'), JSON.stringify({ ...model, weightsManifest }));
const written = weightsManifest.flatMap((g) => g.paths);
console.log(
  `vendor-models: BlazeFace, ${BITS} bits per channel -> ${target} (model.json + ${written.join(', ')}; from ${shards.join(', ')})`,
);
