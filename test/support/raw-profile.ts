import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';

/** Every file under a Chromium profile's IndexedDB folder (LevelDB logs, tables, manifests). */
export function indexedDbFiles(profileDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(profileDir).filter((path) => path.includes(`${'IndexedDB'}`));
}

/**
 * The byte forms a value takes on disk. Chromium writes IndexedDB values with V8's serializer:
 * strings as Latin-1 when they fit, else UTF-16LE; number arrays as V8 does (Node's serializer
 * writes the same bytes after its two-byte header).
 */
export function diskForms(value: string | readonly number[] | Uint8Array): Buffer[] {
  if (value instanceof Uint8Array) return [Buffer.from(value)];
  if (typeof value !== 'string') return [serialize([...value]).subarray(2)];
  // eslint-disable-next-line no-control-regex
  const latin1 = /^[\u0000-\u00ff]*$/.test(value) ? [Buffer.from(value, 'latin1')] : [];
  return [...latin1, Buffer.from(value, 'utf8'), Buffer.from(value, 'utf16le')];
}

/** The names of the needles found in any of the profile's IndexedDB files, as raw bytes. */
export function findOnDisk(profileDir: string, needles: Record<string, Buffer[]>): string[] {
  const files = indexedDbFiles(profileDir).map((path) => readFileSync(path));
  if (files.length === 0) throw new Error(`No IndexedDB files under ${profileDir}`);
  return Object.entries(needles)
    .filter(([, forms]) => files.some((bytes) => forms.some((form) => bytes.includes(form))))
    .map(([name]) => name);
}
