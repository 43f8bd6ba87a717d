import { defineConfig } from 'vitest/config';

/**
 * `npm run bench:models:browser`: the comparison networks per backend in Chromium, printed and
 * written to docs/, never asserted. Kept apart from `npm run bench` (the `*.run.ts` files).
 */
export default defineConfig({
  test: {
    include: ['scripts/bench/models.browser.ts'],
    environment: 'node',
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
