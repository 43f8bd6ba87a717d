/**
 * 2,000 frames through the production worker in Chromium: `tf.memory().numTensors`, reported
 * with every result, stays at its first value. Frames alternate between one face (detection,
 * follow-up, crop, classification) and none (detection only), at 320×240 to keep the run short.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { findWorkerChunk, InferencePage } from '../support/inference-page';
import { composeScene, hasFer2013, loadFer2013 } from '../support/scenes';
import { serveDist, type DistServer } from '../support/serve-dist';

const FRAMES = 2000;

let server: DistServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it.skipIf(!hasFer2013())(
  `leaks no tensors over ${FRAMES} frames`,
  async () => {
    const split = loadFer2013('val');
    const index = split.faces[42] ?? 0;
    const withFace = composeScene(split, [{ index, x: 110, y: 60, size: 110 }], 320, 240, 1);
    const empty = composeScene(split, [], 320, 240, 2);
    const page = await InferencePage.open(browser, server.url, findWorkerChunk());
    const ready = await page.init('wasm', 4);
    expect(ready.backend).toBe('wasm');
    const results = await page.run([withFace, empty], FRAMES);
    expect(results).toHaveLength(FRAMES);
    const counts = results.map((r) => r.result.numTensors);
    const baseline = counts[0];
    expect(counts.every((n) => n === baseline)).toBe(true);
    const withFaces = results.filter((r) => r.result.faces.length === 1).length;
    expect(withFaces).toBeGreaterThanOrEqual(FRAMES / 2 - 5);
    expect(results.filter((r) => r.result.faces.length > 1)).toEqual([]);
  },
  400_000,
);
