import { database } from './database.js';
import { isBlockRow, type SampleRow } from './sample-rows.js';
import { openRecord } from './records.js';
import { toSample, type SampleInput } from './samples.js';
import type { BlockSecond, Sample, SampleBlock } from './schema.js';

/** A block holds at most one minute of a session: the seconds of one 60-second chunk. */
export const BLOCK_SECONDS = 60;

const minuteOf = (second: number): number => Math.floor(second / BLOCK_SECONDS);

function toBlockSecond({ usable, probabilities, detectorScore }: SampleInput): BlockSecond {
  return { usable, probabilities, detectorScore };
}

/** A block's seconds as the samples they are. */
export function blockSamples(block: SampleBlock): Sample[] {
  return block.samples.map((input, i) => toSample(block.sessionId, block.second + i, input));
}

/** A session's rows, in key order, as its samples: blocks and per-second samples alike. */
export async function openSampleRows(rows: readonly SampleRow[]): Promise<Sample[]> {
  const opened = await Promise.all(
    rows.map(async (row) =>
      isBlockRow(row) ? blockSamples(await openRecord('block', row)) : [await openRecord('sample', row)],
    ),
  );
  return opened.flat();
}

/**
 * Seconds `from`, `from` + 1, … of a session as blocks, one per minute. The first block extends
 * `current` (the block already holding the start of `from`'s minute) when there is one.
 */
export function toBlocks(
  sessionId: string,
  from: number,
  inputs: readonly SampleInput[],
  current: SampleBlock | null = null,
): SampleBlock[] {
  const blocks: SampleBlock[] = current ? [{ ...current, samples: [...current.samples] }] : [];
  inputs.forEach((input, i) => {
    const second = from + i;
    const last = blocks.at(-1);
    const continues =
      last && minuteOf(last.second) === minuteOf(second) && last.second + last.samples.length === second;
    if (continues) last.samples.push(toBlockSecond(input));
    else blocks.push({ sessionId, second, samples: [toBlockSecond(input)] });
  });
  return blocks;
}

/** The block holding the seconds of `next`'s minute recorded so far, when `next` continues it. */
export async function blockBefore(sessionId: string, next: number): Promise<SampleBlock | null> {
  if (next % BLOCK_SECONDS === 0) return null;
  const range = IDBKeyRange.bound([sessionId, next - (next % BLOCK_SECONDS)], [sessionId, next - 1]);
  const row = (await (await database()).getAll('samples', range)).find(isBlockRow);
  if (!row) return null;
  const block = await openRecord('block', row);
  return block.second + block.samples.length === next ? block : null;
}
