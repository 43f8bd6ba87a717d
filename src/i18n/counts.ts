import { msg, str } from '@lit/localize';
import { countText } from './plural.js';

/** Counts shown on more than one screen, each through the locale's plural rules. */
export function markerCount(count: number): string {
  return countText(count, {
    one: (n) => msg(str`${n} marker`, { id: 'count-marker-one' }),
    other: (n) => msg(str`${n} markers`, { id: 'count-marker-other' }),
  });
}

export function sessionCount(count: number): string {
  return countText(count, {
    one: (n) => msg(str`${n} session`, { id: 'count-session-one' }),
    other: (n) => msg(str`${n} sessions`, { id: 'count-session-other' }),
  });
}

/** The camera picture's height, "720 lines". */
export function lineCount(count: number): string {
  return countText(count, {
    one: (n) => msg(str`${n} line`, { id: 'count-line-one' }),
    other: (n) => msg(str`${n} lines`, { id: 'count-line-other' }),
  });
}

export function parameterCount(count: number): string {
  return countText(count, {
    one: (n) => msg(str`${n} parameter`, { id: 'count-parameter-one' }),
    other: (n) => msg(str`${n} parameters`, { id: 'count-parameter-other' }),
  });
}
