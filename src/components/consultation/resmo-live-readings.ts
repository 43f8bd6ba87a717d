import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import { toAffect, type Reading } from '../../analysis/index.js';
import { getPatient } from '../../storage/index.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { TimelinePoint } from '../../shared/timeline.js';
import type { ChartMarker } from '../../analysis/index.js';
import { sessionBaseline, shownReadings } from '../../storage/index.js';
import { modeText } from '../review/resmo-baseline-switch.js';
import '../review/resmo-baseline-switch.js';
import '../review/resmo-readings-panel.js';
import './resmo-affect-plane.js';
import './resmo-baseline-recorder.js';

/** Seconds of trail on the live plane. */
export const PLANE_TRAIL_SECONDS = 10;
/** Rolling window of the live chart. */
export const LIVE_WINDOW_SECONDS = 180;

/**
 * The live readings of the consultation screen: the last minutes over elapsed time, valence and
 * arousal now with a short trail, and the patient's resting baseline (record, redo, use).
 */
@customElement('resmo-live-readings')
@localized()
export class ResmoLiveReadings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .row {
        display: grid;
        gap: 1rem;
        grid-template-columns: minmax(0, 1fr) minmax(12rem, 18rem);
        align-items: start;
      }
      @media (max-width: 40rem) {
        .row {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .mode {
        font-weight: 600;
        margin: 0.5rem 0 0.25rem;
      }
      .note {
        font-size: 0.9rem;
        color: var(--resmo-muted);
      }
    `,
  ];

  /** One point per second (wall-clock ms), newest last. */
  @property({ attribute: false }) points: readonly TimelinePoint[] = [];
  @property({ attribute: false }) markers: readonly ChartMarker[] = [];
  /** Wall-clock ms that elapsed time counts from: the session's start, or the camera's. */
  @property({ type: Number }) origin = 0;
  @property({ attribute: 'patient-id' }) patientId = '';
  @property({ type: Boolean }) live = false;
  @state() private adjusted: boolean | null = null;

  private readonly patient = new Task(this, {
    task: ([id]) => (id ? getPatient(id) : Promise.resolve(null)),
    args: () => [this.patientId] as const,
  });

  override render() {
    const patient = this.patient.value ?? null;
    const baseline = patient ? sessionBaseline(patient, { startedAt: Date.now() }) : null;
    const adjusted = baseline !== null && (this.adjusted ?? true);
    const readings: Reading[] = shownReadings(
      this.points.map((pt) => pt.p),
      baseline,
      adjusted,
    );
    const first = this.points[0] ? Math.round((this.points[0].t - this.origin) / 1000) : 0;
    const trail = readings.slice(-PLANE_TRAIL_SECONDS).map((r) => (r ? toAffect(r) : null));
    return html`
      ${
        baseline
          ? html`<resmo-baseline-switch
              ?adjusted=${adjusted}
              @resmo-baseline-mode=${(e: CustomEvent<{ adjusted: boolean }>) => (this.adjusted = e.detail.adjusted)}
            ></resmo-baseline-switch>`
          : nothing
      }
      <p class="mode">${modeText(adjusted, baseline?.baseline.recordedAt ?? null)}</p>
      <div class="row">
        <resmo-readings-panel
          .readings=${readings}
          .markers=${this.markers}
          firstSecond=${first}
          windowSeconds=${LIVE_WINDOW_SECONDS}
          height="220"
          ?adjusted=${adjusted}
        ></resmo-readings-panel>
        <div>
          <resmo-affect-plane .trail=${trail}></resmo-affect-plane>
          <p class="note">
            ${msg('Valence and arousal are derived from the facial expression, not measured feeling.')}
          </p>
        </div>
      </div>
      <resmo-baseline-recorder
        patient-id=${this.patientId}
        .points=${this.points}
        ?live=${this.live}
        ?hasBaseline=${(patient?.baselines?.length ?? 0) > 0}
        @resmo-baseline-recorded=${() => this.patient.run()}
      ></resmo-baseline-recorder>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-live-readings': ResmoLiveReadings;
  }
}
