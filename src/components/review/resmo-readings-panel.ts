import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { cssProps } from '../../styles/css-props.js';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { EMOTION_LABELS } from '../../shared/emotions.js';
import type { Reading } from '../../analysis/index.js';
import { emotionName } from '../../i18n/emotions.js';
import { EMOTION_COLORS } from '../../styles/emotion-colors.js';
import { getLocale } from '../../i18n/localization.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { ChartMarker } from '../../analysis/index.js';
import { describeSecond, emotionSeries, type ReadingView } from '../../i18n/reading-series.js';
import { formatPercent, formatPoints } from '../../i18n/reading-format.js';
import type { ChartSeries } from './resmo-elapsed-chart.js';
import './resmo-elapsed-chart.js';

/**
 * The emotion chart with its controls: share over time (a 100 % stacked area: what the face
 * showed, when) or one line per emotion, and any emotion on or off. Relative to the baseline,
 * only lines make sense: above zero is more than at rest.
 */
@customElement('resmo-readings-panel')
@localized()
export class ResmoReadingsPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.5rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: center;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        min-height: 44px;
      }
      .swatch {
        width: 1rem;
        height: 1rem;
        border-radius: 2px;
        border: 1px solid #17242b;
      }
    `,
  ];

  /** Probabilities (0–1) per second, or differences from the baseline when `adjusted`. */
  @property({ attribute: false }) readings: readonly Reading[] = [];
  @property({ attribute: false }) markers: readonly ChartMarker[] = [];
  @property({ type: Boolean }) adjusted = false;
  @property({ type: Number }) windowSeconds = 0;
  /** Elapsed second of the first reading (live: the oldest second still shown). */
  @property({ type: Number }) firstSecond = 0;
  @property({ type: Number }) height = 260;
  @state() private view: ReadingView = 'share';
  @state() private shown: boolean[] = EMOTION_LABELS.map(() => true);
  private series: ChartSeries[] = [];
  private xs: number[] = [];
  private seriesFor: readonly unknown[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('readings') || changed.has('firstSecond'))
      this.xs = this.readings.map((_, i) => i + this.firstSecond);
    // Only when what the series are made of changed: otherwise the chart keeps the data it has.
    const key = [this.readings, this.adjusted, this.view, this.shown, getLocale()];
    if (key.some((k, i) => k !== this.seriesFor[i])) {
      this.seriesFor = key;
      this.series = emotionSeries(this.readings, this.shown, this.adjusted ? 'lines' : this.view, EMOTION_COLORS);
    }
  }

  override render() {
    const share = !this.adjusted && this.view === 'share';
    return html`
      ${this.adjusted ? nothing : this.renderViews()} ${this.renderToggles()}
      <resmo-elapsed-chart
        .xs=${this.xs}
        .series=${this.series}
        .markers=${this.markers}
        .readout=${(s: number) => this.describe(s)}
        ?stacked=${share}
        scale=${this.adjusted ? 'difference' : 'share'}
        windowSeconds=${this.windowSeconds}
        height=${this.height}
        description=${
          this.adjusted
            ? msg('Emotion timeline: difference of each emotion from the resting face, in percentage points')
            : share
              ? msg('Emotion timeline: share of each emotion in the face, second by second')
              : msg('Emotion timeline: probability of each emotion over time')
        }
      ></resmo-elapsed-chart>
    `;
  }

  private renderViews() {
    const option = (view: ReadingView, label: string) =>
      html`<label
        ><input type="radio" name="view" .checked=${this.view === view} @change=${() => (this.view = view)} />
        ${label}</label
      >`;
    return html`<fieldset>
      <legend class="visually-hidden">${msg('Chart view')}</legend>
      ${option('share', msg('Share over time'))} ${option('lines', msg('Lines'))}
    </fieldset>`;
  }

  private renderToggles() {
    return html`<fieldset>
      <legend class="visually-hidden">${msg('Emotions shown')}</legend>
      ${EMOTION_LABELS.map(
        (label, k) =>
          html`<label
            ><input type="checkbox" .checked=${this.shown[k] ?? true} @change=${() => this.toggle(k)} /><span
              class="swatch"
              ${cssProps({ background: EMOTION_COLORS[label] })}
            ></span
            >${emotionName(label)}</label
          >`,
      )}
    </fieldset>`;
  }

  private toggle(k: number): void {
    this.shown = this.shown.map((on, i) => (i === k ? !on : on));
  }

  private describe(second: number): string {
    return describeSecond(
      this.readings[second - this.firstSecond] ?? null,
      this.adjusted ? formatPoints : formatPercent,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-readings-panel': ResmoReadingsPanel;
  }
}
