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
