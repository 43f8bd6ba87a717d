import { nothing } from 'lit';
import { html as staticHtml, literal } from 'lit/static-html.js';

/** Where a reused block's headings sit: 3 under a page's section (h2), 2 directly under a page heading. */
export type HeadingLevel = 2 | 3;

/** A heading at `level`, so one block reads right under an h1 and under an h2 alike. */
export function heading(level: HeadingLevel, text: string, id?: string) {
  const tag = level === 2 ? literal`h2` : literal`h3`;
  return staticHtml`<${tag} id=${id ?? nothing}>${text}</${tag}>`;
}
