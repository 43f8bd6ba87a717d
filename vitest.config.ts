import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium-flags.ts';

export default defineConfig({
  test: {
    projects: [
      {
        extends: './vite.config.ts',
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: './vite.config.ts',
        // Pre-bundled up front: discovering tfjs mid-run makes Vite reload the page under a running test.
        optimizeDeps: {
          include: [
            '@tensorflow/tfjs',
            '@tensorflow/tfjs-core',
            '@tensorflow/tfjs-converter',
            '@tensorflow/tfjs-backend-cpu',
            '@tensorflow/tfjs-backend-webgl',
            '@tensorflow/tfjs-backend-wasm',
            '@tensorflow/tfjs-backend-webgpu',
            '@tensorflow/tfjs-layers',
            'lit',
            'lit/decorators.js',
            '@lit/localize',
            '@lit/task',
            'idb',
            'pouchdb-browser',
            'uplot',
          ],
        },
        test: {
          name: 'components',
          include: ['test/components/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'build',
          environment: 'node',
          include: ['test/build/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'webkit',
          environment: 'node',
          include: ['test/webkit/**/*.test.ts'],
          fileParallelism: false,
          // A group of its own: WebKit runs alone, after the parallel projects and before vitest's sequential
          // group (e2e, one file at a time), so it never competes with Chromium's timed pipeline for CI's cores.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
