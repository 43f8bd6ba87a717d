import { LitElement, css, html, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { EMOTION_LABELS } from '../../shared/emotions.js';
import { emotionName } from '../../i18n/emotions.js';
import type { Distribution } from '../../storage/index.js';
import { EMOTION_COLORS } from '../../styles/emotion-colors.js';
import { formatDate, formatShare } from '../../i18n/format.js';
import { UPlotController } from '../../controllers/uplot-controller.js';

export interface TrendPoint {
  /** Session start, epoch ms. */
  startedAt: number;
  distribution: Distribution;
}

/**
 * Each emotion's share of time across a patient's sessions, oldest first. Sessions are evenly
 * spaced (x is the session's position), so weekly and irregular visits read alike.
 */
@customElement('resmo-trend-chart')
@localized()
export class ResmoTrendChart extends LitElement {
  static override styles = [
    unsafeCSS(uPlotCss),
    css`
      :host {
        display: block;
        min-height: 240px;
      }
    `,
  ];

  @property({ attribute: false }) points: readonly TrendPoint[] = [];
  @property({ type: Number }) height = 240;

  // Sessions come and go rarely; a full rebuild keeps the x-axis dates in step with the points.
  protected readonly chart = new UPlotController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.plot'),
    options: (size) => this.options(size),
    data: () => this.data(),
    height: () => this.height,
    rebuild: () => true,
  });

  override render() {
    return html`<div
      class="plot"
      role="img"
      aria-label=${msg('Trend: share of time per emotion in each session')}
    ></div>`;
  }

  private dateAt(index: number): string {
    const point = this.points[Math.round(index)];
    return point && Number.isInteger(index) ? formatDate(point.startedAt) : '';
  }

  private options(size: { width: number; height: number }): uPlot.Options {
    const share = (_u: uPlot, v: number | null) => (v == null ? '' : formatShare(v));
    return {
      ...size,
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        { values: (_u, ticks) => ticks.map((v) => this.dateAt(v)), incrs: [1] },
        { values: (_u, ticks) => ticks.map((v) => formatShare(v)), size: 56 },
      ],
      series: [
        { label: msg('Session'), value: (_u, v) => (v == null ? '' : this.dateAt(v)) },
        ...EMOTION_LABELS.map((label) => ({
          label: emotionName(label),
          stroke: EMOTION_COLORS[label],
          width: 2,
          points: { show: true, size: 6 },
          value: share,
        })),
      ],
    };
  }

  private data(): uPlot.AlignedData {
    return [
      this.points.map((_, i) => i),
      ...EMOTION_LABELS.map((label) => this.points.map((p) => p.distribution[label])),
    ];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-trend-chart': ResmoTrendChart;
  }
}
