import { toSample } from '../../src/storage/samples';
import type { SampleBlock } from '../../src/storage/schema';

const isPlainBlock = (row: unknown): row is SampleBlock =>
  typeof row === 'object' && row !== null && 'samples' in row && !('ct' in row);

/**
 * Rows of the samples store as the seconds they hold: a plaintext minute block becomes its
 * samples, one per second; per-second samples (older sessions) and sealed rows stay as they are.
 */
export function secondsOfRows(rows: readonly unknown[] = []): unknown[] {
  return rows.flatMap((row) =>
    isPlainBlock(row) ? row.samples.map((s, i) => toSample(row.sessionId, row.second + i, s)) : [row],
  );
}
