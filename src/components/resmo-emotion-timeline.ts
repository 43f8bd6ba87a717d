import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { EMOTION_LABELS } from '../shared/emotions.js';
import { emotionName } from '../i18n/emotions.js';
import { EMOTION_COLORS } from './emotion-colors.js';

/** One point per second: wall-clock time in ms, and probabilities in label order or null when no face was usable. */
export interface TimelinePoint {
  t: number;
  p: readonly number[] | null;
}

export interface TimelineMarker {
  t: number;
  label: string;
}

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

  @query('.plot') private container!: HTMLDivElement;
  private plot: uPlot | null = null;
  private readonly resize = new ResizeObserver(() => this.plot?.setSize(this.size()));

  override render() {
    return html`<div
      class="plot"
      role="img"
      aria-label=${msg('Emotion timeline: probability of each emotion over time')}
    ></div>`;
  }

  override firstUpdated(): void {
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.plot || changed.has('height')) this.create();
    else this.plot.setData(this.data());
  }

  private create(): void {
    this.plot?.destroy();
    const time = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { timeStyle: 'medium' });
    const percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'percent' });
    const options: uPlot.Options = {
      ...this.size(),
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
    this.plot = new uPlot(options, this.data(), this.container);
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(200, this.clientWidth), height: this.height };
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
