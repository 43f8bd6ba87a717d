import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { preview, type Connect } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface DistServer {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

/** Asks the OS for a port nobody is listening on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
  return address.port;
}

/**
 * Serves the production build in `dist/` the way `npm start` does (`vite preview` with the
 * project's config), on 127.0.0.1 and a free port. Build first: `npx vite build`. `testRoutes`
 * answers test-only paths (a blank page, frames) before the build's files.
 */
export async function serveDist(testRoutes?: Connect.NextHandleFunction): Promise<DistServer> {
  const port = await freePort();
  const plugin = {
    name: 'test-routes',
    configurePreviewServer: (s: { middlewares: Connect.Server }) =>
      void s.middlewares.use(testRoutes ?? ((_req, _res, next) => next())),
  };
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    plugins: testRoutes ? [plugin] : [],
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => server.close(),
  };
}
