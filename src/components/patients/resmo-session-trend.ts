import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { EMOTION_LABELS, type EmotionLabel } from '../../shared/emotions.js';
import type { ReadingSummary } from '../../analysis/index.js';
import { emotionName } from '../../i18n/emotions.js';
import { UPlotController } from '../../controllers/uplot-controller.js';
import { EMOTION_COLORS } from '../../styles/emotion-colors.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { formatAffect, formatPercent, formatPoints } from '../../i18n/reading-format.js';
import { modeText } from '../review/resmo-baseline-switch.js';
import '../review/resmo-baseline-switch.js';
import { labelEvery, sessionLabels } from '../../i18n/trend-labels.js';

export interface TrendSession {
  startedAt: number;
  raw: ReadingSummary;
  adjusted: ReadingSummary | null;
  /** When the session was read against a baseline, the baseline's recording time. */
  baselineAt: number | null;
}

type Metric = EmotionLabel | 'valence' | 'arousal';

/** One point per session, oldest first: an emotion's mean share, valence or arousal; relative to the baseline when there is one. */
@customElement('resmo-session-trend')
@localized()
export class ResmoSessionTrend extends LitElement {
  static override styles = [
    unsafeCSS(uPlotCss),
    sharedStyles,
    css`
      :host {
        contain: inline-size;
        overflow-x: clip;
      }
      label {
        display: inline-flex;
        gap: 0.5rem;
        align-items: center;
        min-height: 44px;
        margin-inline-end: 1rem;
      }
      select {
        font: inherit;
        min-height: 44px;
      }
      .mode {
        font-weight: 600;
        margin: 0.25rem 0;
      }
    `,
  ];

  @property({ attribute: false }) sessions: readonly TrendSession[] = [];
  @state() private metric: Metric = 'valence';
  @state() private adjustedChoice: boolean | null = null;

  protected readonly chart = new UPlotController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.plot'),
    options: (size) => this.options(size),
    data: () => this.data(),
    dataKey: () => [this.sessions, this.metric, this.adjusted],
    height: () => 240,
    rebuild: () => true,
  });

  private get adjusted(): boolean {
    return this.sessions.some((s) => s.adjusted) && (this.adjustedChoice ?? true);
  }

  override render() {
    const latest = this.sessions.findLast((s) => s.baselineAt !== null)?.baselineAt ?? null;
    return html`<label
        >${msg('Show')}
        <select @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value as Metric)}>
          ${(['valence', 'arousal', ...EMOTION_LABELS] as const).map(
            (m) => html`<option value=${m} ?selected=${m === this.metric}>${this.metricName(m)}</option>`,
          )}
        </select></label
      >
      ${
        this.sessions.some((s) => s.adjusted)
          ? html`<resmo-baseline-switch
              ?adjusted=${this.adjusted}
              @resmo-baseline-mode=${(e: CustomEvent<{ adjusted: boolean }>) => (this.adjustedChoice = e.detail.adjusted)}
            ></resmo-baseline-switch>`
          : nothing
      }
      <p class="mode">${modeText(this.adjusted, latest)}</p>
      <div class="plot" role="img" aria-label=${msg('Trend across sessions: one point per session')}></div>`;
  }

  private metricName(m: Metric): string {
    if (m === 'valence') return msg('Valence');
    if (m === 'arousal') return msg('Arousal');
    return emotionName(m);
  }

  private value(s: TrendSession): number | null {
    const summary = this.adjusted ? (s.adjusted ?? s.raw) : s.raw;
    if (this.metric === 'valence' || this.metric === 'arousal') return summary.affect?.[this.metric] ?? null;
    return summary.mean?.[EMOTION_LABELS.indexOf(this.metric)] ?? null;
  }

  private format(v: number): string {
    if (this.metric === 'valence' || this.metric === 'arousal') return formatAffect(v);
    return this.adjusted ? formatPoints(v) : formatPercent(v);
  }

  private options(size: { width: number; height: number }): uPlot.Options {
    const labels = sessionLabels(this.sessions.map((s) => s.startedAt));
    const every = labelEvery(labels.length, size.width - 80, 80);
    const affect = this.metric === 'valence' || this.metric === 'arousal';
    const range: [number, number] = affect || this.adjusted ? [-1, 1] : [0, 1];
    return {
      ...size,
      legend: { show: false },
      // Half a session of room on each side, so the first and last labels are not cut.
      scales: { x: { time: false, range: () => [-0.5, Math.max(0.5, labels.length - 0.5)] }, y: { range } },
      axes: [
        {
          splits: () => labels.map((_, i) => i).filter((i) => i % every === 0),
          values: (_u, ticks) => ticks.map((i) => labels[i] ?? ''),
          size: 48,
        },
        { values: (_u, ticks) => ticks.map((v) => this.format(v)), size: 56 },
      ],
      series: [
        {},
        {
          label: this.metricName(this.metric),
          stroke: affect ? '#0072B2' : EMOTION_COLORS[this.metric as EmotionLabel],
          width: 2,
          points: { show: true, size: 8 },
        },
      ],
    };
  }

  private data(): uPlot.AlignedData {
    return [this.sessions.map((_, i) => i), this.sessions.map((s) => this.value(s))];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-session-trend': ResmoSessionTrend;
  }
}
