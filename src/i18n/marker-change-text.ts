import { numberFormat } from '../shared/number-format.js';
import { msg, str } from '@lit/localize';
import type { Clip, WindowSummary } from '../analysis/index.js';
import { formatElapsed } from '../analysis/index.js';
import { getLocale } from './localization.js';

/** "12:04–12:34", with why the window is short when it is. */
export function windowText(w: WindowSummary): string {
  const span = `${formatElapsed(w.from, getLocale())}–${formatElapsed(w.to, getLocale())}`;
  const why = clipText(w.clip);
  return why ? `${span} (${why})` : span;
}

function clipText(clip: Clip): string {
  switch (clip) {
    case 'start':
      return msg('shortened by the start of the session');
    case 'end':
      return msg('shortened by the end of the session');
    case 'marker':
      return msg('shortened by another marker');
    case null:
      return '';
  }
}

export function usableText(w: WindowSummary): string {
  const seconds = numberFormat(getLocale()).format(w.usable);
  return msg(str`${seconds} s with a usable face`);
}
