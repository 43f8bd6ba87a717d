#!/usr/bin/env node
// Copies BlazeFace (Google, Apache-2.0; converted to tfjs by @vladmandic/human, MIT) from
// node_modules into public/models/blazeface/, so the build serves and precaches it.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules/@vladmandic/human/models');
const target = join(root, 'public/models/blazeface');

await mkdir(target, { recursive: true });
const model = JSON.parse(await readFile(join(source, 'blazeface.json'), 'utf8'));
const shards = model.weightsManifest.flatMap((group) => group.paths);
for (const [from, to] of [['blazeface.json', 'model.json'], ...shards.map((p) => [p, p])]) {
  await copyFile(join(source, from), join(target, to));
}
console.log(`vendor-models: BlazeFace -> ${target} (model.json + ${shards.join(', ')})`);
