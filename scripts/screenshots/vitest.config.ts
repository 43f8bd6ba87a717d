import { defineConfig } from 'vitest/config';

/** `npx vitest run --config scripts/screenshots/vitest.config.ts`: screenshots for docs/images, after `npm run build`. */
export default defineConfig({
  test: {
    include: ['scripts/screenshots/**/*.shots.ts'],
    environment: 'node',
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
