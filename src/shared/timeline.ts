/** What the emotion timeline draws, live and in review: the same shape from both sources. */
/** One point per second: wall-clock time in ms, and probabilities in label order or null when no face was usable. */
export interface TimelinePoint {
  t: number;
  p: readonly number[] | null;
}

export interface TimelineMarker {
  t: number;
  label: string;
}

/**
 * A stored or live second as the timeline draws it: wall-clock ms of its start and percentages
 * as 0–1. The review and the live view both go through here, so they draw the same values.
 */
export function timelinePoint(
  startedAt: number,
  second: number,
  probabilities: readonly number[] | null,
): TimelinePoint {
  return { t: startedAt + second * 1000, p: probabilities?.map((p) => p / 100) ?? null };
}
