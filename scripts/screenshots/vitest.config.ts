import { defineConfig } from 'vitest/config';

/** `npm run screenshots`: the documentation's screenshots, taken from the production build. */
export default defineConfig({
  test: {
    include: ['scripts/screenshots/**/*.shots.ts', 'scripts/screenshots/**/*.run.ts'],
    environment: 'node',
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
