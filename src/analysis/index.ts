/** Pure reading logic: valence and arousal, baseline adjustment, marker windows, decimation, elapsed time. */
export { CIRCUMPLEX_ANGLES, circumplexPoint, toAffect, type Affect } from './circumplex.js';
export { adjustReading, adjustReadings, baselineFor, baselineMean } from './baseline.js';
export { meanReading, usableCount, type Reading } from './readings.js';
export {
  DEFAULT_WINDOW_SECONDS,
  markerComparisons,
  type Clip,
  type MarkerComparison,
  type WindowSummary,
} from './windows.js';
export { decimateMinMax, type Decimated } from './decimate.js';
export { elapsedStep, elapsedTicks, formatElapsed } from './elapsed.js';
export { dominantSeries, stackReadings } from './stack.js';
export { summarizeReadings, type ReadingSummary } from './summary.js';
export { placeTags, TAG_WIDTH, type ChartMarker, type PlacedTag } from './tags.js';
