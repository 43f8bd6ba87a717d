import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, distFiles, precacheManifest } from '../support/dist';

/**
 * What a first visit transfers, gzipped: the page, the service worker and everything it
 * precaches, plus the one WASM build the device then fetches for the model (the larger of the
 * two, SIMD, counted). Backends other than WASM are fetched only by devices that use them.
 * Issue 26 sets the target at 800 KB; this limit is where the build stands now (926 KB after
 * leaving out the unused WASM build and backends, float16 detector weights and 10-bit ResmoNet
 * weights, from 1.31 MB; 999 KB before the 10-bit weights), so that it can only go down.
 */
export const FIRST_VISIT_LIMIT_BYTES = 940_000;
const TARGET_BYTES = 800_000;

const gzipped = (url: string): number => gzipSync(readFileSync(join(DIST, url)), { level: 9 }).length;

describe('first visit', () => {
  const wasm = distFiles().filter((f) => f.endsWith('.wasm'));
  const fetched = [...new Set([...precacheManifest().map((e) => e.url), 'sw.js'])];
  const largestWasm = Math.max(...wasm.map(gzipped));
  const total = fetched.reduce((sum, url) => sum + gzipped(url), 0) + largestWasm;

  it('transfers no more than the limit, gzipped', () => {
    const top = fetched
      .map((url) => ({ url, kB: Math.round(gzipped(url) / 1000) }))
      .sort((a, b) => b.kB - a.kB)
      .slice(0, 6);
    process.stdout.write(
      `first visit: ${Math.round(total / 1000)} kB gzipped (target ${TARGET_BYTES / 1000} kB); ` +
        `largest: ${top.map((t) => `${t.url} ${t.kB} kB`).join(', ')}, WASM build ${Math.round(largestWasm / 1000)} kB\n`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_VISIT_LIMIT_BYTES);
  });

  it('fetches one WASM build, not both', () => {
    expect(wasm).toHaveLength(2);
    expect(fetched.filter((url) => url.endsWith('.wasm'))).toEqual([]);
  });
});
