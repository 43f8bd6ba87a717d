import { isSealed } from './envelope.js';
import type { Stored } from './schema.js';

/** What the samples store holds: minute blocks, and per-second samples from before blocks. */
export type SampleRow = Stored<'sample'> | Stored<'block'>;

/** Sealed rows say their kind; a plaintext block is the row that holds a list of seconds. */
export function isBlockRow(row: SampleRow): row is Stored<'block'> {
  return isSealed(row) ? row.kind === 'block' : 'samples' in row;
}
