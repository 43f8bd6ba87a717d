import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** The precache manifest that vite-plugin-pwa injected into the built service worker. */
export function precacheManifest(): PrecacheEntry[] {
  const path = join(DIST, 'sw.js');
  if (!existsSync(path)) throw new Error('dist/sw.js is missing: run `npm run build` first');
  const sw = readFileSync(path, 'utf8');
  const match = /\[\{"revision":.*?\}\]/s.exec(sw);
  if (!match) throw new Error('no precache manifest found in dist/sw.js');
  return JSON.parse(match[0]) as PrecacheEntry[];
}

/** Every file in dist/, as URL paths relative to the app's root. */
export function distFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? distFiles(path) : [relative(DIST, path).split(sep).join('/')];
  });
}

export function distFileSize(url: string): number {
  return statSync(join(DIST, url)).size;
}
