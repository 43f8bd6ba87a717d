import { getLocale } from './localization.js';
import { numberFormat } from '../shared/number-format.js';

/** A difference of probabilities (−1…1) in percentage points, signed: "+12 pts". */
export function formatPoints(v: number): string {
  return numberFormat(getLocale(), { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(v * 100);
}

/** A probability (0–1) as a whole percentage. */
export function formatPercent(v: number): string {
  return numberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(v);
}

/** Valence or arousal (−1…1), signed, two decimals. */
export function formatAffect(v: number): string {
  return numberFormat(getLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  }).format(v);
}
