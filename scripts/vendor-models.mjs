#!/usr/bin/env node
// Copies BlazeFace (Google, Apache-2.0; converted to tfjs by @vladmandic/human, MIT) from
// node_modules into public/models/blazeface/, so the build serves and precaches it. Its float32
// weights are stored as float16 (half the download; recall on the bench scenes checked in
// docs/inference.md, "Detector weights").
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { halveGroup } from './float16.mjs';

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
  const halved = halveGroup(group, data);
  const path = group.paths[0].replace(/\.bin$/, '') + '-f16.bin';
  await writeFile(join(target, path), halved.data);
  weightsManifest.push({ paths: [path], weights: halved.weights });
}
await writeFile(join(target, 'model.json'), JSON.stringify({ ...model, weightsManifest }));
const written = weightsManifest.flatMap((g) => g.paths);
console.log(
  `vendor-models: BlazeFace, float16 -> ${target} (model.json + ${written.join(', ')}; from ${shards.join(', ')})`,
);
