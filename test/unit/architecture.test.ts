import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');
/** House style: small files. */
const MAX_LINES = 250;
/** Written by `npm run i18n` (lit-localize), not by hand: its length is the number of messages. */
const GENERATED = 'generated/';

/** Which app folders each folder may import from (itself always). Folders not listed may import any. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  shared: [],
  analysis: ['shared'],
  live: ['shared'],
  worker: ['shared'],
  storage: ['shared', 'analysis'],
  fhir: ['shared'],
  styles: ['shared'],
  platform: ['shared', 'live', 'storage'],
  controllers: ['shared', 'live', 'platform', 'storage'],
  i18n: ['shared', 'live', 'platform', 'controllers', 'storage', 'analysis', 'generated'],
};

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .map((name) => name.split('\\').join('/'))
  .filter((name) => /\.(ts|css)$/.test(name));

const folderOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] ?? '') : '');

/**
 * The app files a source file imports (values, types and re-exports alike), by path under src/.
 * A `?worker&url` import gives a bundled file's URL, not its code: it is no arrow between folders.
 */
function importsOf(file: string): string[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.filter((ref) => !ref.fileName.endsWith('?worker&url'))
    .map((ref) => ref.fileName.split('?')[0] ?? '')
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.js$/, '.ts'))
    .filter((target) => files.includes(target));
}

const graph = new Map(files.filter((f) => f.endsWith('.ts')).map((f) => [f, importsOf(f)]));

/** Every import cycle, each as the files along it (Tarjan's strongly connected components). */
export function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) visit(next);
      if (stack.includes(next)) low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let top: string | undefined;
    do component.push((top = stack.pop()) ?? node);
    while (top !== node && top !== undefined);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.reverse());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the house: how src/ is laid out', () => {
  it('finds a cycle when there is one (the check works)', () => {
    const loop = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(loop)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(new Map([['a.ts', ['b.ts']]]))).toEqual([]);
  });

  it('reads the imports of the app (the graph is not empty)', () => {
    expect(graph.get('controllers/live-session.ts')).toContain('controllers/worker-client.ts');
    expect(graph.get('components/resmo-app.ts')?.length).toBeGreaterThan(3);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only downwards: no arrow from a lower folder up into another', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const allowed = MAY_IMPORT[folderOf(file)];
      if (!allowed) continue;
      for (const target of targets) {
        const to = folderOf(target);
        if (to !== folderOf(file) && !allowed.includes(to)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it(`keeps every hand-written file under ${MAX_LINES} lines`, () => {
    const long = files
      .filter((file) => !file.startsWith(GENERATED))
      .map((file) => ({ file, lines: readFileSync(join(SRC, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('keeps elements only in src/components, one per file, named after its tag', () => {
    const strays = files
      .filter((file) => file.startsWith('components/'))
      .filter((file) => {
        const tag = /@customElement\('([^']+)'\)/.exec(readFileSync(join(SRC, file), 'utf8'))?.[1];
        return tag === undefined || !file.endsWith(`/${tag}.ts`);
      });
    expect(strays).toEqual([]);
  });
});
