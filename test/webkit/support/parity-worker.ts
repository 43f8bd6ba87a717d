/**
 * Builds test/components/classify.worker.ts (the app's own model loading, backends and classifier
 * on fixed crops) into one module for WebKit, where there is no Vite dev server as in the
 * Chromium component tests. Served from `/__parity/` on the app's origin.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build, type Connect } from 'vite';
import { REPO } from '../../support/model-files';

export const PARITY_BASE = '/__parity/';

export interface ParityWorker {
  url: string;
  routes: Connect.NextHandleFunction;
  dispose(): void;
}

export async function buildParityWorker(): Promise<ParityWorker> {
  const outDir = mkdtempSync(join(tmpdir(), 'resmo-parity-'));
  await build({
    configFile: false,
    root: REPO,
    base: PARITY_BASE,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry: join(REPO, 'test/components/classify.worker.ts'), formats: ['es'], fileName: () => 'classify.js' },
    },
  });
  return {
    url: `${PARITY_BASE}classify.js`,
    // The worker and the chunks it loads on first use (the tfjs backends other than WASM).
    routes: (req, res, next) => {
      const name = req.url?.startsWith(PARITY_BASE) ? basename(req.url.slice(PARITY_BASE.length)) : '';
      if (!name.endsWith('.js') || !existsSync(join(outDir, name))) return next();
      res.setHeader('Content-Type', 'text/javascript');
      res.end(readFileSync(join(outDir, name)));
    },
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
