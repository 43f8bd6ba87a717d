import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRECACHE_LIMIT_BYTES } from '../../vite.config';
import { DIST, distFileSize, distFiles, precacheManifest } from '../support/dist';
import { ON_FIRST_USE } from '../../src/shared/on-first-use';

const onFirstUse = (file: string): boolean => ON_FIRST_USE.test(`/${file}`);

describe('built service worker (dist/)', () => {
  const precached = new Set(precacheManifest().map((entry) => entry.url));
  const files = distFiles();

  it('precaches the app shell and the web app manifest', () => {
    expect(precached).toContain('index.html');
    expect(precached).toContain('manifest.webmanifest');
    expect([...precached].some((url) => /^assets\/index-.*\.js$/.test(url))).toBe(true);
  });

  it('precaches the inference worker chunk, and keeps the WASM builds and other backends for first use', () => {
    expect(files.filter((f) => /^assets\/.*worker.*\.js$/.test(f)).every((f) => precached.has(f))).toBe(true);
    expect(files.some((f) => /^assets\/.*worker.*\.js$/.test(f))).toBe(true);
    const lazy = files.filter((f) => f.endsWith('.wasm') || /^assets\/tfjs-(webgl|webgpu|cpu|layers)-/.test(f));
    // Two WASM builds; WebGL, WebGPU, CPU and the layers loader; the CPU kernels WebGL and WebGPU share.
    expect(lazy.length).toBe(8);
    for (const file of lazy) {
      expect(precached, file).not.toContain(file);
      expect(onFirstUse(file), file).toBe(true);
    }
  });

  it('precaches every model file', () => {
    const models = files.filter((f) => f.startsWith('models/'));
    expect(models).toContain('models/resmonet/model.json');
    expect(models).toContain('models/resmonet/metadata.json');
    expect(models.some((f) => f.startsWith('models/blazeface/'))).toBe(true);
    for (const file of models) expect(precached, file).toContain(file);
  });

  it('precaches every file it serves but those cached on first use, so nothing needs the network after', () => {
    const served = files.filter((f) => f !== 'sw.js' && !f.endsWith('.map') && !onFirstUse(f));
    expect(served.filter((f) => !precached.has(f))).toEqual([]);
  });

  it('keeps every precached file under the precache limit', () => {
    const sizes = [...precached].map((url) => ({ url, bytes: distFileSize(url) }));
    expect(sizes.filter((s) => s.bytes > PRECACHE_LIMIT_BYTES)).toEqual([]);
  });

  it('loads no code from another origin', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).not.toMatch(/importScripts\(|import\(\s*["'`]https?:|from\s*["'`]https?:/);
  });

  it('lists each URL once (Workbox refuses conflicting entries for one URL)', () => {
    const urls = precacheManifest().map((entry) => entry.url);
    expect(urls.length).toBe(new Set(urls).size);
  });
});
