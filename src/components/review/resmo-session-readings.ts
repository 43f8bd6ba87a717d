import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { DEFAULT_WINDOW_SECONDS, markerComparisons, type Reading } from '../../analysis/index.js';
import { formatDateTime } from '../../i18n/format.js';
import { getLocale } from '../../i18n/localization.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { ChartMarker } from '../../analysis/index.js';
import { shownReadings, type SessionBaseline } from '../../storage/index.js';
import { affectValues } from '../../i18n/reading-series.js';
import { formatAffect } from '../../i18n/reading-format.js';
import type { MarkerChangeRow } from './resmo-marker-changes.js';
import { modeText } from './resmo-baseline-switch.js';
import type { ChartSeries } from './resmo-elapsed-chart.js';
import './resmo-baseline-switch.js';
import './resmo-elapsed-chart.js';
import './resmo-marker-changes.js';
import './resmo-readings-panel.js';

/**
 * The readings of one session in the report: the emotion timeline, valence and arousal, and
 * before/after each marker, all raw or all relative to the patient's baseline (marked on each).
 */
@customElement('resmo-session-readings')
@localized()
export class ResmoSessionReadings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 1.25rem;
      }
      section {
        break-inside: avoid;
      }
      .mode {
        font-weight: 600;
        margin: 0 0 0.25rem;
      }
      .note {
        font-size: 0.9rem;
        color: var(--resmo-muted);
        max-width: 70ch;
      }
    `,
  ];

  /** Raw readings, one per second from the start. */
  @property({ attribute: false }) readings: readonly Reading[] = [];
  @property({ attribute: false }) markers: readonly ChartMarker[] = [];
  @property({ attribute: false }) baseline: SessionBaseline | null = null;
  /** Clock time of the session's start, shown once. */
  @property({ type: Number }) startedAt = 0;
  @state() private adjusted: boolean | null = null;
  @state() private windowSeconds = DEFAULT_WINDOW_SECONDS;
  private shown: Reading[] = [];
  private xs: number[] = [];
  private affect: ChartSeries[] = [];
  private changes: MarkerChangeRow[] = [];
  private shownFor: readonly unknown[] = [];
  private changesFor: readonly unknown[] = [];

  private get isAdjusted(): boolean {
    return this.baseline !== null && (this.adjusted ?? true);
  }

  protected override willUpdate(): void {
    const key = [this.readings, this.baseline, this.isAdjusted, getLocale()] as const;
    if (key.some((k, i) => k !== this.shownFor[i])) {
      this.shownFor = key;
      this.shown = shownReadings(this.readings, this.baseline, this.isAdjusted);
      this.xs = this.shown.map((_, i) => i);
      const { valence, arousal } = affectValues(this.shown);
      this.affect = [
        { label: msg('Valence'), color: '#0072B2', dash: [], values: valence },
        { label: msg('Arousal'), color: '#D55E00', dash: [8, 4], values: arousal },
      ];
    }
    // Once per readings shown, markers and window: not again on each update (hover, tags drawn).
    const windowKey = [this.shown, this.markers, this.windowSeconds] as const;
    if (windowKey.some((k, i) => k !== this.changesFor[i])) {
      this.changesFor = windowKey;
      const comparisons = markerComparisons(
        this.shown,
        this.markers.map((m) => m.at),
        this.windowSeconds,
      );
      this.changes = comparisons.map((comparison, i) => ({
        comparison,
        n: this.markers[i]?.n ?? i + 1,
        label: this.markers[i]?.label ?? '',
      }));
    }
  }

  override render() {
    const mode = modeText(this.isAdjusted, this.baseline?.baseline.recordedAt ?? null);
    return html`
      ${
        this.baseline
          ? html`<resmo-baseline-switch
              class="screen-only"
              ?adjusted=${this.isAdjusted}
              @resmo-baseline-mode=${(e: CustomEvent<{ adjusted: boolean }>) => (this.adjusted = e.detail.adjusted)}
            ></resmo-baseline-switch>`
          : nothing
      }
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">${msg('Timeline')}</h2>
        <p class="mode">${mode}</p>
        <p class="note">
          ${msg(str`Time since the start of the session (started ${formatDateTime(this.startedAt)}).`)}
        </p>
        <resmo-readings-panel
          .readings=${this.shown}
          .markers=${this.markers}
          ?adjusted=${this.isAdjusted}
        ></resmo-readings-panel>
      </section>
      <section aria-labelledby="affect-title">
        <h2 id="affect-title">${msg('Valence and arousal')}</h2>
        <p class="mode">${mode}</p>
        <p class="note">
          ${msg(
            'Derived from the facial expression, not measured feeling. Valence: unpleasant (−1) to pleasant (+1). Arousal: calm (−1) to activated (+1). Solid line: valence; dashed line: arousal.',
          )}
        </p>
        <resmo-elapsed-chart
          .xs=${this.xs}
          .series=${this.affect}
          .markers=${this.markers}
          .readout=${(s: number) => this.describeAffect(s)}
          scale="plain"
          height="200"
          description=${msg('Valence and arousal over time, derived from the facial expression')}
        ></resmo-elapsed-chart>
      </section>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">${msg('Before and after each marker')}</h2>
        <p class="mode">${mode}</p>
        <resmo-marker-changes
          .rows=${this.changes}
          windowSeconds=${this.windowSeconds}
          ?adjusted=${this.isAdjusted}
          @resmo-window-change=${(e: CustomEvent<{ seconds: number }>) => (this.windowSeconds = e.detail.seconds)}
        ></resmo-marker-changes>
      </section>
    `;
  }

  private describeAffect(second: number): string {
    const [valence, arousal] = this.affect.map((s) => s.values[second]);
    if (valence == null || arousal == null) return '';
    return `${msg('Valence')} ${formatAffect(valence)}, ${msg('Arousal')} ${formatAffect(arousal)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-session-readings': ResmoSessionReadings;
  }
}
