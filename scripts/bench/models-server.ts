/**
 * Builds `models-worker.ts` with Vite (production mode, as the app's worker is built) into a temp
 * folder, copies the five model folders and an empty page beside it, and serves that folder with
 * `vite preview` on 127.0.0.1.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { REPO } from '../../test/support/model-files';
import { freePort, type DistServer } from '../../test/support/serve-dist';

export const WORKER_PATH = '/models-worker.js';

interface ModelJson {
  weightsManifest: { paths: string[] }[];
}

/** The files tfjs fetches for one model: its JSON (`model.json` unless named) and its shards. */
export async function modelFiles(dir: string, modelJson = 'model.json'): Promise<string[]> {
  const json = JSON.parse(await readFile(join(dir, modelJson), 'utf8')) as ModelJson;
  return [modelJson, ...json.weightsManifest.flatMap((group) => group.paths)];
}

/** Where a network's files are: a folder, and its model JSON when that is not `model.json`. */
export interface ModelSource {
  dir: string;
  modelJson?: string;
}

async function buildWorker(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: REPO,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: { 'models-worker': join(REPO, 'scripts/bench/models-worker.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  });
}

/** Serves the bench worker and `models` (name → files) under `/models/<name>/`, JSON as model.json. */
export async function serveModelsBench(models: Record<string, ModelSource>): Promise<DistServer> {
  const root = await mkdtemp(join(tmpdir(), 'resmo-models-bench-'));
  const outDir = join(root, 'dist');
  await buildWorker(outDir);
  for (const [name, { dir, modelJson = 'model.json' }] of Object.entries(models)) {
    await mkdir(join(outDir, 'models', name), { recursive: true });
    for (const file of await modelFiles(dir, modelJson)) {
      await copyFile(join(dir, file), join(outDir, 'models', name, file === modelJson ? 'model.json' : file));
    }
  }
  await writeFile(join(outDir, 'index.html'), '<!doctype html><title>models bench</title>\n');
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir: 'dist' },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
