import { defineConfig } from 'vitest/config';

/** `npm run bench`: one long Chromium run, printed, never asserted. */
export default defineConfig({
  test: {
    include: ['scripts/bench/**/*.run.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
  },
});
