import { cpus } from 'node:os';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium-flags.ts';
import { busyProcesses, loadAverage } from './machine.ts';

/** What the machine was doing, asked from the page (the browser cannot see it). */
const machineLoad = () => ({
  cpu: cpus()[0]?.model ?? 'unknown CPU',
  cores: cpus().length,
  load: loadAverage(),
  busy: busyProcesses(),
});

/**
 * `npm run bench:vault`: encryption at rest in headless Chromium (real IndexedDB, WebCrypto and
 * hash-wasm's WebAssembly as the app runs them), printed, never asserted.
 */
export default defineConfig({
  optimizeDeps: { include: ['idb', 'hash-wasm', '@scure/bip39', 'valibot'] },
  test: {
    include: ['scripts/bench/vault.browser.ts', 'scripts/bench/keys.browser.ts'],
    testTimeout: 1_800_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium' }],
      commands: { machineLoad },
    },
  },
});
