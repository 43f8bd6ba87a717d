import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localized, msg } from '@lit/localize';
import { EMOTION_LABELS } from '../../shared/emotions.js';
import { emotionName } from '../../i18n/emotions.js';
import type { Distribution } from '../../storage/index.js';
import { EMOTION_COLORS } from '../../styles/emotion-colors.js';
import { formatShare } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/** Share of time per emotion as a table with bars: readable by screen readers and on paper. */
@customElement('resmo-emotion-distribution')
@localized()
export class ResmoEmotionDistribution extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.25rem 0.5rem 0.25rem 0;
      }
      td.value {
        text-align: end;
        font-variant-numeric: tabular-nums;
        width: 4.5rem;
      }
      .track {
        width: 100%;
        min-width: 6rem;
      }
      .bar {
        height: 0.9rem;
        border-radius: 2px;
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
    `,
  ];

  @property({ attribute: false }) distribution: Distribution | null = null;
  /** Caption, e.g. "Share of time per emotion". */
  @property() caption = '';

  override render() {
    const d = this.distribution;
    if (!d) return html``;
    return html`<table>
      <caption class="visually-hidden">
        ${this.caption || msg('Share of time per emotion')}
      </caption>
      <thead class="visually-hidden">
        <tr>
          <th scope="col">${msg('Emotion')}</th>
          <th scope="col">${msg('Share of time')}</th>
          <th scope="col">${msg('Bar')}</th>
        </tr>
      </thead>
      <tbody>
        ${EMOTION_LABELS.map(
          (label) =>
            html`<tr>
              <th scope="row">${emotionName(label)}</th>
              <td class="value">${formatShare(d[label])}</td>
              <td class="track" aria-hidden="true">
                <div
                  class="bar"
                  style=${styleMap({ width: `${(d[label] * 100).toFixed(1)}%`, background: EMOTION_COLORS[label] })}
                ></div>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-emotion-distribution': ResmoEmotionDistribution;
  }
}
