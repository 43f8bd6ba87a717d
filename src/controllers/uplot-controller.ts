import type { ReactiveController, ReactiveControllerHost } from 'lit';
import uPlot from 'uplot';

export interface UPlotSource {
  /** The element uPlot draws into (inside the host's shadow root). */
  container(): HTMLElement | null;
  options(size: { width: number; height: number }): uPlot.Options;
  data(): uPlot.AlignedData;
  /** What `data()` is made from: while none of these changed, the plot keeps the data it has. */
  dataKey(): readonly unknown[];
  height(): number;
  /** True when the options changed (labels, locale, height) and the plot must be rebuilt. */
  rebuild(): boolean;
}

/**
 * Owns one uPlot chart for a Lit host: builds it after the first render, feeds it new data after
 * each update (rebuilding only when the source asks), follows the host's width, and destroys it
 * when the host leaves the page.
 */
export class UPlotController implements ReactiveController {
  private plot: uPlot | null = null;
  private key: readonly unknown[] = [];
  private readonly resize = new ResizeObserver(() => this.plot?.setSize(this.size()));

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: UPlotSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.resize.observe(this.host);
  }

  hostUpdated(): void {
    const container = this.source.container();
    if (!container) return;
    const key = this.source.dataKey();
    const changed = key.length !== this.key.length || key.some((k, i) => k !== this.key[i]);
    this.key = key;
    if (!this.plot || this.source.rebuild()) {
      this.plot?.destroy();
      this.plot = new uPlot(this.source.options(this.size()), this.source.data(), container);
    } else if (changed) {
      // Other updates (marker tags placed after a draw, the hover readout) leave the data as it is.
      this.plot.setData(this.source.data());
    }
  }

  hostDisconnected(): void {
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(200, this.host.clientWidth), height: this.source.height() };
  }
}
