import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { EMOTION_LABELS } from '../../shared/emotions.js';
import { emotionName } from '../../i18n/emotions.js';
import { EMOTION_COLORS } from '../../styles/emotion-colors.js';
import { UPlotController } from '../../controllers/uplot-controller.js';
import type { TimelineMarker, TimelinePoint } from '../../shared/timeline.js';

export type { TimelineMarker, TimelinePoint } from '../../shared/timeline.js';

/**
 * The emotion timeline, drawn with uPlot: one line per emotion, gaps where no face was usable, and
 * the clinician's markers as labelled vertical lines. `windowMs` keeps only the last few minutes.
 */
@customElement('resmo-emotion-timeline')
@localized()
export class ResmoEmotionTimeline extends LitElement {
  static override styles = [
    unsafeCSS(uPlotCss),
    css`
      :host {
        display: block;
        min-height: 220px;
      }
      .plot {
        width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) points: readonly TimelinePoint[] = [];
  @property({ attribute: false }) markers: readonly TimelineMarker[] = [];
  /** Show only the last `windowMs` (live view); 0 shows everything (review). */
  @property({ type: Number }) windowMs = 0;
  @property({ type: Number }) height = 220;

  private lastLang = '';
  private heightChanged = false;
  protected readonly chart = new UPlotController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.plot'),
    options: (size) => this.options(size),
    data: () => this.data(),
    height: () => this.height,
    rebuild: () => this.needsRebuild(),
  });

  override render() {
    return html`<div
      class="plot"
      role="img"
      aria-label=${msg('Emotion timeline: probability of each emotion over time')}
    ></div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.heightChanged = changed.has('height');
  }

  /** Axis labels and series names are baked into the options: a new language or height rebuilds. */
  private needsRebuild(): boolean {
    const lang = document.documentElement.lang;
    const rebuild = lang !== this.lastLang || this.heightChanged;
    this.lastLang = lang;
    return rebuild;
  }

  private options(size: { width: number; height: number }): uPlot.Options {
    const time = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeStyle: 'medium' });
    const percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'percent' });
    return {
      ...size,
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        // A clock label is about 70 px wide; keep ticks far enough apart not to overlap.
        { space: 100, values: (_u, ticks) => ticks.map((v) => time.format(v)) },
        { values: (_u, ticks) => ticks.map((v) => percent.format(v)), size: 56 },
      ],
      series: [
        { label: msg('Time'), value: (_u, v) => (v == null ? '' : time.format(v)) },
        ...EMOTION_LABELS.map((label) => ({
          label: emotionName(label),
          stroke: EMOTION_COLORS[label],
          width: 2,
          value: (_u: uPlot, v: number | null) => (v == null ? '' : percent.format(v)),
        })),
      ],
      hooks: { draw: [(u: uPlot) => this.drawMarkers(u)] },
    };
  }

  private visible(): readonly TimelinePoint[] {
    const last = this.points.at(-1)?.t ?? 0;
    return this.windowMs > 0 ? this.points.filter((pt) => pt.t >= last - this.windowMs) : this.points;
  }

  private data(): uPlot.AlignedData {
    const points = this.visible();
    return [points.map((pt) => pt.t), ...EMOTION_LABELS.map((_, i) => points.map((pt) => pt.p?.[i] ?? null))];
  }

  private drawMarkers(u: uPlot): void {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = '#17242b';
    ctx.fillStyle = '#17242b';
    ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
    // uPlot leaves the axis text alignment on the context; labels start at their line.
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
    for (const marker of this.markers) {
      const x = u.valToPos(marker.t, 'x', true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      if (marker.label) ctx.fillText(marker.label, x + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
    }
    ctx.restore();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-emotion-timeline': ResmoEmotionTimeline;
  }
}
