import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Affect } from '../../analysis/index.js';
import { formatAffect } from '../review/reading-format.js';

/** Plane coordinates: valence right, arousal up, the unit circle inside a 240-unit square. */
const R = 100;
const C = 120;
const px = (a: Affect): [number, number] => [C + a.valence * R, C - a.arousal * R];

/**
 * Valence and arousal now, as a point on the two-axis plane with the last seconds as a fading
 * trail. Derived from the facial expression, not measured feeling; the text below says so.
 */
@customElement('resmo-affect-plane')
@localized()
export class ResmoAffectPlane extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 18rem;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    text {
      font:
        11px system-ui,
        sans-serif;
      fill: #17242b;
    }
    .now {
      font-variant-numeric: tabular-nums;
      margin: 0.25rem 0 0;
    }
  `;

  /** Oldest first; the last is now. Null entries (no face) break the trail. */
  @property({ attribute: false }) trail: readonly (Affect | null)[] = [];

  override render() {
    const now = this.trail.at(-1) ?? null;
    const label = now
      ? msg(str`Valence ${formatAffect(now.valence)}, arousal ${formatAffect(now.arousal)}`)
      : msg('No reading');
    return html`<svg viewBox="0 0 240 240" role="img" aria-label=${msg('Valence and arousal plane') + ': ' + label}>
        <circle cx=${C} cy=${C} r=${R} fill="#f4f7f8" stroke="#9aa7ad" />
        <line x1=${C - R - 8} y1=${C} x2=${C + R + 8} y2=${C} stroke="#5b6b72" />
        <line x1=${C} y1=${C - R - 8} x2=${C} y2=${C + R + 8} stroke="#5b6b72" />
        <text x=${C + R + 8} y=${C - 4} text-anchor="end">${msg('Pleasant')}</text>
        <text x=${C - R - 8} y=${C - 4}>${msg('Unpleasant')}</text>
        <text x=${C + 4} y=${C - R - 10}>${msg('Activated')}</text>
        <text x=${C + 4} y=${C + R + 18}>${msg('Calm')}</text>
        ${this.renderTrail()}
        ${now ? svg`<circle cx=${px(now)[0]} cy=${px(now)[1]} r="7" fill="#0072B2" stroke="#fff" stroke-width="2" />` : nothing}
      </svg>
      <p class="now" aria-hidden="true">${label}</p>`;
  }

  private renderTrail() {
    const points = this.trail.slice(0, -1);
    return points.map((a, i) => {
      const next = this.trail[i + 1];
      if (!a) return nothing;
      const opacity = (0.2 + (0.6 * (i + 1)) / points.length).toFixed(2);
      const [x, y] = px(a);
      const line = next
        ? svg`<line x1=${x} y1=${y} x2=${px(next)[0]} y2=${px(next)[1]} stroke="#0072B2" stroke-opacity=${opacity} stroke-width="2" />`
        : nothing;
      return svg`${line}<circle cx=${x} cy=${y} r="3" fill="#0072B2" fill-opacity=${opacity} />`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-affect-plane': ResmoAffectPlane;
  }
}
