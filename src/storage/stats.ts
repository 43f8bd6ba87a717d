import { EMOTION_LABELS, type EmotionLabel } from '../shared/emotions.js';
import type { Marker, Sample } from './schema.js';

export type Distribution = Record<EmotionLabel, number>;

function zeroDistribution(): Distribution {
  return Object.fromEntries(EMOTION_LABELS.map((label) => [label, 0])) as Distribution;
}

/** Share (0–1) of the seconds with a usable face in which each emotion was dominant. */
export function distribution(samples: readonly Sample[]): Distribution {
  const counts = zeroDistribution();
  let usable = 0;
  for (const { dominant } of samples) {
    if (!dominant) continue;
    counts[dominant]++;
    usable++;
  }
  if (usable > 0) for (const label of EMOTION_LABELS) counts[label] /= usable;
  return counts;
}

/** Mean share (0–1) of frames with a usable face over the whole session. */
export function usableShare(samples: readonly Sample[]): number {
  if (samples.length === 0) return 0;
  return samples.reduce((sum, s) => sum + s.usable, 0) / samples.length / 100;
}

/** Emotions in order of share, strongest first, leaving out those never dominant. */
export function ranked(d: Distribution): { label: EmotionLabel; share: number }[] {
  return EMOTION_LABELS.map((label) => ({ label, share: d[label] }))
    .filter((e) => e.share > 0)
    .sort((a, b) => b.share - a.share);
}

export interface Segment {
  /** First second (inclusive) and end second (exclusive). */
  from: number;
  to: number;
  /** The marker that opens the segment; null for the start of the session. */
  marker: Marker | null;
  distribution: Distribution;
}

/** The session cut at each marker: what dominated between one mark and the next. */
export function segments(samples: readonly Sample[], markers: readonly Marker[]): Segment[] {
  const end = samples.length;
  const cuts = markers.map((m) => ({ at: Math.min(end, Math.floor(m.t / 1000)), marker: m })).filter((c) => c.at > 0);
  const starts: { at: number; marker: Marker | null }[] = [{ at: 0, marker: null }, ...cuts];
  return starts
    .map((start, i) => {
      const to = starts[i + 1]?.at ?? end;
      return { from: start.at, to, marker: start.marker, distribution: distribution(samples.slice(start.at, to)) };
    })
    .filter((s) => s.to > s.from);
}
