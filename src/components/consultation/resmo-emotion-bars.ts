import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { EMOTION_LABELS, dominantIndex, type EmotionLabel } from '../../shared/emotions.js';
import { emotionName } from '../../i18n/emotions.js';
import { EMOTION_COLORS } from '../../styles/emotion-colors.js';

export type Confidence = 'high' | 'moderate' | 'low';

/** Top probability bands: with 7 classes, chance is 0.14; below 0.4 the top label is little better than a guess. */
export function confidenceOf(top: number): Confidence {
  if (top >= 0.6) return 'high';
  if (top >= 0.4) return 'moderate';
  return 'low';
}

export function dominantOf(probabilities: readonly number[]): { label: EmotionLabel; p: number } {
  const best = dominantIndex(probabilities);
  return { label: EMOTION_LABELS[best] ?? 'neutral', p: probabilities[best] ?? 0 };
}

/** The current emotion: the dominant one in words with its confidence, and all seven as labelled bars. */
@customElement('resmo-emotion-bars')
@localized()
export class ResmoEmotionBars extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .dominant {
      font-size: 1.6rem;
      font-weight: 700;
      margin: 0;
    }
    .confidence {
      color: var(--resmo-muted);
      margin: 0 0 0.75rem;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.35rem;
    }
    li {
      display: grid;
      grid-template-columns: 7.5rem 1fr 3.2rem;
      align-items: center;
      gap: 0.5rem;
    }
    .track {
      height: 0.9rem;
      background: var(--resmo-line);
      border-radius: 999px;
      overflow: hidden;
    }
    .fill {
      height: 100%;
      border-radius: 999px;
      transition: width 200ms linear;
    }
    .value {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .top {
      font-weight: 700;
    }
    .empty {
      color: var(--resmo-muted);
    }
    :host([stale]) :is(.dominant, ul) {
      opacity: 0.4;
    }
    .paused {
      color: var(--resmo-warn-ink, inherit);
    }
  `;

  /** Smoothed probabilities in EMOTION_LABELS order, or null when there is no reliable reading. */
  @property({ attribute: false }) probabilities: readonly number[] | null = null;

  /** Shown instead of the dominant emotion when there is no reliable reading. */
  @property() reason = '';

  /** The reading is old (the analysis stopped answering): faded, and said to be paused. */
  @property({ type: Boolean, reflect: true }) stale = false;

  override render() {
    const p = this.probabilities;
    const percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'percent' });
    const top = p ? dominantOf(p) : null;
    return html`
      ${
        top
          ? html`<p class="dominant">${emotionName(top.label)}</p>
              <p class="confidence">
                ${
                  this.stale
                    ? html`<strong class="paused">${msg('Paused: last reading, not live')}</strong>`
                    : this.confidenceText(confidenceOf(top.p), percent.format(top.p))
                }
              </p>`
          : html`<p class="dominant empty">${this.reason || msg('No reading')}</p>
              <p class="confidence">&nbsp;</p>`
      }
      <ul aria-label=${msg('Probability of each emotion')}>
        ${EMOTION_LABELS.map((label, i) => {
          const value = p?.[i] ?? 0;
          return html`<li class=${top?.label === label ? 'top' : ''}>
            <span>${emotionName(label)}</span>
            <span class="track" aria-hidden="true">
              <span
                class="fill"
                style="display:block;width:${(value * 100).toFixed(1)}%;background:${EMOTION_COLORS[label]}"
              ></span>
            </span>
            <span class="value">${p ? percent.format(value) : nothing}</span>
          </li>`;
        })}
      </ul>
    `;
  }

  private confidenceText(level: Confidence, value: string): string {
    switch (level) {
      case 'high':
        return msg(str`High confidence (${value})`);
      case 'moderate':
        return msg(str`Moderate confidence (${value})`);
      case 'low':
        return msg(str`Low confidence (${value}): expression unclear`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-emotion-bars': ResmoEmotionBars;
  }
}
