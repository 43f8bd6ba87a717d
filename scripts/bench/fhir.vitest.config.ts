import { defineConfig } from 'vitest/config';

/** `npm run bench:fhir`: FHIR Bundle sizes, printed, never asserted. */
export default defineConfig({
  test: {
    include: ['scripts/bench/fhir-size.bench-run.ts'],
    environment: 'node',
    testTimeout: 600_000,
  },
});
