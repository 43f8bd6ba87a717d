import { LitElement, html, nothing, unsafeCSS } from 'lit';
import { cssProps } from '../../styles/css-props.js';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { decimateMinMax, elapsedStep, elapsedTicks, formatElapsed } from '../../analysis/index.js';
import { UPlotController } from '../../controllers/uplot-controller.js';
import { getLocale } from '../../i18n/localization.js';
import { placeTags, type ChartMarker, type PlacedTag } from '../../analysis/index.js';
import type { ChartSeries } from '../../shared/chart-series.js';
import { chartStyles } from '../../styles/chart-styles.js';
import { numberFormat } from '../../shared/number-format.js';

export type { ChartSeries } from '../../shared/chart-series.js';

/** How the y values read: 0–1 shares, −1…1 differences in percentage points, or −1…1 plain. */
export type ChartScale = 'share' | 'difference' | 'plain';

const Y_RANGE: Record<ChartScale, [number, number]> = { share: [0, 1], difference: [-1, 1], plain: [-1, 1] };

function formatY(scale: ChartScale, v: number): string {
  const locale = getLocale();
  if (scale === 'plain') return numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);
  if (scale === 'share') return numberFormat(locale, { style: 'percent' }).format(v);
  return numberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(v * 100);
}

/**
 * A chart over elapsed time (m:ss, h:mm:ss): lines, or bands when `stacked` (series are then
 * running totals, drawn top first). Long records are decimated per pixel column for drawing only.
 * Markers are numbered tags over the plot, full label on hover and focus.
 */
@customElement('resmo-elapsed-chart')
@localized()
export class ResmoElapsedChart extends LitElement {
  static override styles = [unsafeCSS(uPlotCss), chartStyles];

  /** Seconds from the session start, ascending; one per value of each series. */
  @property({ attribute: false }) xs: readonly number[] = [];
  @property({ attribute: false }) series: readonly ChartSeries[] = [];
  @property({ attribute: false }) markers: readonly ChartMarker[] = [];
  @property({ type: Boolean }) stacked = false;
  @property() scale: ChartScale = 'share';
  /** What the chart shows, for screen readers. */
  @property() description = '';
  /** The hover readout for one second. */
  @property({ attribute: false }) readout: (second: number) => string = () => '';
  /** Show only the last `windowSeconds` (live); 0 shows everything. */
  @property({ type: Number }) windowSeconds = 0;
  @property({ type: Number }) height = 240;

  @state() private tags: PlacedTag[] = [];
  @state() private offset = { left: 0, top: 0 };
  @state() private hover = '';
  private shape = '';

  protected readonly chart = new UPlotController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.plot'),
    options: (size) => this.options(size),
    data: () => this.data(),
    dataKey: () => [this.xs, this.series, this.windowSeconds],
    height: () => this.height,
    rebuild: () => this.needsRebuild(),
  });

  override render() {
    return html`<div class="frame">
        <div class="plot" role="img" aria-label=${this.description}></div>
        ${this.renderTags()}
      </div>
      <p class="readout" aria-hidden="true">${this.hover}</p>`;
  }

  /** Labels, scale and series are baked into uPlot's options: when they change, rebuild. */
  /** Numbered tags over the plot, in their rows; near the right edge they open leftwards. */
  private renderTags() {
    if (!this.tags.length) return nothing;
    const { left, top } = this.offset;
    return this.tags.map((t) => {
      const text = `${t.marker.n}. ${t.marker.label || msg('Unlabelled marker')}`;
      const y = `${top + 2 + t.lane * 22}px`;
      const style = t.flip
        ? { left: 'auto', right: `calc(100% - ${left + t.x}px)`, top: y }
        : { left: `${left + t.x}px`, right: 'auto', top: y };
      return html`<span class="tag" tabindex="0" title=${text} ${cssProps(style)}>${text}</span>`;
    });
  }

  private currentShape(): string {
    return [getLocale(), this.stacked, this.scale, this.height, ...this.series.map((s) => s.label)].join('|');
  }

  private needsRebuild(): boolean {
    return this.currentShape() !== this.shape;
  }

  /** Stacked bands are drawn from the top total down, each painting over the one above. */
  private drawOrder(): ChartSeries[] {
    return this.stacked ? [...this.series].reverse() : [...this.series];
  }

  private options(size: { width: number; height: number }): uPlot.Options {
    const elapsed = (v: number) => formatElapsed(v, getLocale());
    this.shape = this.currentShape();
    return {
      ...size,
      legend: { show: false },
      cursor: { points: { show: !this.stacked } },
      scales: { x: { time: false, range: (_u, min, max) => this.xRange(min, max) }, y: { range: Y_RANGE[this.scale] } },
      axes: [
        {
          splits: (u, _i, min, max) =>
            elapsedTicks(min, max, elapsedStep(max - min, u.bbox.width / devicePixelRatio, 72)),
          values: (_u, ticks) => ticks.map(elapsed),
        },
        { values: (_u, ticks) => ticks.map((v) => formatY(this.scale, v)), size: 52 },
      ],
      series: [
        {},
        ...this.drawOrder().map((s) => ({
          label: s.label,
          stroke: this.stacked ? '#ffffff' : s.color,
          width: this.stacked ? 0.5 : 2,
          dash: this.stacked ? [] : s.dash,
          ...(this.stacked ? { fill: s.color, fillTo: 0 } : {}),
        })),
      ],
      hooks: {
        draw: [(u: uPlot) => this.afterDraw(u)],
        setCursor: [(u: uPlot) => this.onCursor(u)],
      },
    };
  }

  private xRange(min: number, max: number): [number, number] {
    const last = this.xs.at(-1) ?? max;
    const from = this.windowSeconds > 0 ? Math.max(0, last - this.windowSeconds) : (this.xs[0] ?? min);
    return [from, Math.max(from + 10, last)];
  }

  private data(): uPlot.AlignedData {
    let from = 0;
    if (this.windowSeconds > 0) {
      const first = (this.xs.at(-1) ?? 0) - this.windowSeconds;
      while (from < this.xs.length && (this.xs[from] as number) < first) from++;
    }
    const xs = from ? this.xs.slice(from) : this.xs;
    const ys = this.drawOrder().map((s) => (from ? s.values.slice(from) : s.values));
    const d = decimateMinMax(xs, ys, Math.max(100, Math.round(this.clientWidth)));
    return [d.x, ...d.ys] as uPlot.AlignedData;
  }

  private afterDraw(u: uPlot): void {
    const width = u.bbox.width / devicePixelRatio;
    const tags = placeTags(this.markers, (at) => u.valToPos(at, 'x'), width);
    const offset = { left: u.over.offsetLeft, top: u.over.offsetTop };
    if (JSON.stringify([tags, offset]) !== JSON.stringify([this.tags, this.offset]))
      [this.tags, this.offset] = [tags, offset];
    this.drawMarkerLines(u);
  }

  /** Dark dashes over a white line, so markers stay visible over the coloured bands. */
  private drawMarkerLines(u: uPlot): void {
    const ctx = u.ctx;
    const dpr = devicePixelRatio;
    ctx.save();
    for (const m of this.markers) {
      const x = u.valToPos(m.at, 'x', true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      for (const [colour, width, dash] of [
        ['#ffffff', 3 * dpr, []],
        ['#17242b', 1.5 * dpr, [4 * dpr, 4 * dpr]],
      ] as const) {
        ctx.strokeStyle = colour;
        ctx.lineWidth = width;
        ctx.setLineDash(dash);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  private onCursor(u: uPlot): void {
    const left = u.cursor.left ?? -1;
    const text = left < 0 ? '' : this.hoverText(Math.round(u.posToVal(left, 'x')));
    if (text !== this.hover) this.hover = text;
  }

  private hoverText(second: number): string {
    const detail = this.readout(second);
    return detail ? `${formatElapsed(second, getLocale())} · ${detail}` : '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-elapsed-chart': ResmoElapsedChart;
  }
}
