import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Affect } from '../../analysis/index.js';
import { formatAffect } from '../../i18n/reading-format.js';

/** Plane coordinates: valence right, arousal up; the unit circle, with the pole words outside it. */
const R = 100;
const CX = 190;
const C = 120;
const px = (a: Affect): [number, number] => [CX + a.valence * R, C - a.arousal * R];

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
      max-width: 22rem;
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
    return html`<svg viewBox="0 0 380 240" role="img" aria-label=${msg('Valence and arousal plane') + ': ' + label}>
        <circle cx=${CX} cy=${C} r=${R} fill="#f4f7f8" stroke="#9aa7ad" />
        <line x1=${CX - R - 6} y1=${C} x2=${CX + R + 6} y2=${C} stroke="#5b6b72" />
        <line x1=${CX} y1=${C - R - 6} x2=${CX} y2=${C + R + 6} stroke="#5b6b72" />
        <text x=${CX + R + 10} y=${C + 4}>${msg('Pleasant')}</text>
        <text x=${CX - R - 10} y=${C + 4} text-anchor="end">${msg('Unpleasant')}</text>
        <text x=${CX} y=${C - R - 10} text-anchor="middle">${msg('Activated')}</text>
        <text x=${CX} y=${C + R + 18} text-anchor="middle">${msg('Calm')}</text>
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
