import { numberFormat } from '../shared/number-format.js';

/** Elapsed time since the session start, as charts and tables show it: "m:ss", or "h:mm:ss" past an hour. */
export function formatElapsed(totalSeconds: number, locale?: string): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const two = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const one = numberFormat(locale, { useGrouping: false });
  return hours
    ? `${one.format(hours)}:${two.format(minutes)}:${two.format(s % 60)}`
    : `${one.format(minutes)}:${two.format(s % 60)}`;
}

/** Tick steps in seconds that read well on a clock: 1 s … 2 h. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/** The smallest clock-friendly step that keeps ticks at least `minSpacingPx` apart. */
export function elapsedStep(rangeSeconds: number, widthPx: number, minSpacingPx: number): number {
  const wanted = (rangeSeconds * minSpacingPx) / Math.max(1, widthPx);
  return STEPS.find((step) => step >= wanted) ?? Math.ceil(wanted / 3600) * 3600;
}

/** Ticks at multiples of `step` within [min, max]. */
export function elapsedTicks(min: number, max: number, step: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  return ticks;
}
