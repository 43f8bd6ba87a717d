import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { appManifest } from './src/shared/app-manifest.ts';
import { SECURITY_HEADERS } from './scripts/csp.ts';
import { contentSecurityPolicy } from './scripts/csp-plugin.ts';
import { quantizedResmonet } from './scripts/quantize-plugin.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Workbox's default precache limit. Every precached file must stay under it (test/build checks). */
export const PRECACHE_LIMIT_BYTES = 2 * 1024 * 1024;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    target: 'es2022',
    // tfjs is large by nature; the worker chunk is checked against the precache limit instead.
    chunkSizeWarningLimit: 2048,
  },
  worker: {
    format: 'es',
    rolldownOptions: {
      // tfjs ships ~1,500 licence banners; kept in the bundle they push the worker chunk over 2 MiB.
      output: {
        comments: { legal: false },
        // Backends other than WASM, and the layers loader, load on first use (src/shared/on-first-use.ts).
        // A chunk that only those backends share (tfjs-backend-cpu's kernels that WebGL and WebGPU reuse)
        // is named after its first backend, so it stays out of the precache too.
        chunkFileNames: ({ facadeModuleId, moduleIds }) => {
          const lazyOf = (id: string) => /tfjs-(?:backend-)?(webgl|webgpu|cpu|layers)\//.exec(id)?.[1];
          const lazy = lazyOf(facadeModuleId ?? '');
          if (lazy !== undefined) return `assets/tfjs-${lazy}-[hash].js`;
          const shared = moduleIds.map(lazyOf);
          const onlyLazy = shared.length > 0 && shared.every((name) => name !== undefined);
          return onlyLazy ? `assets/tfjs-${shared[0]}-[name]-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  // `npm start` serves the build with the same policy as the <meta> tag, plus what only headers carry.
  preview: { headers: { ...SECURITY_HEADERS } },
  plugins: [
    contentSecurityPolicy(),
    quantizedResmonet(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: { ...appManifest, categories: [...appManifest.categories] },
      pwaAssets: {
        image: 'public/icon.svg',
        preset: 'minimal-2023',
        includeHtmlHeadLinks: true,
        injectThemeColor: true,
        overrideManifestIcons: true,
      },
      injectManifest: {
        globPatterns: ['**/*.{html,js,css,wasm,json,bin,png,svg,ico}'],
        // Cached on first use instead (src/shared/on-first-use.ts): a device needs one WASM build and one
        // backend, and only a clinic that turns sync on needs the sync code.
        globIgnores: ['assets/tfjs-backend-*.wasm', 'assets/tfjs-{webgl,webgpu,cpu,layers}-*.js', 'assets/sync-*.js'],
        maximumFileSizeToCacheInBytes: PRECACHE_LIMIT_BYTES,
      },
      devOptions: { enabled: false },
    }),
  ],
});
