import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { BASELINE_SECONDS, MIN_BASELINE_ROWS } from '../../shared/baseline.js';
import { addBaseline, toPercent } from '../../storage/index.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import type { TimelinePoint } from '../../shared/timeline.js';

export type BaselineRecordedEvent = CustomEvent<{ patientId: string }>;

type Phase =
  | { kind: 'idle' }
  | { kind: 'counting'; startedAt: number; left: number }
  | { kind: 'saved' }
  | { kind: 'failed'; why: string };

/**
 * Records the patient's resting face: a clear prompt, a countdown, then the seconds with a usable
 * face are stored as recorded. Can be redone at any time; earlier baselines are kept.
 */
@customElement('resmo-baseline-recorder')
@localized()
export class ResmoBaselineRecorder extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .prompt {
        font-size: 1.1rem;
        font-weight: 600;
      }
      .count {
        font-size: 2.5rem;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: 'patient-id' }) patientId = '';
  /** The live per-second readings (wall-clock ms); the recorder takes those after its start. */
  @property({ attribute: false }) points: readonly TimelinePoint[] = [];
  @property({ type: Boolean }) live = false;
  @property({ type: Boolean }) hasBaseline = false;
  @state() private phase: Phase = { kind: 'idle' };
  private timer: ReturnType<typeof setInterval> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    const p = this.phase;
    if (p.kind === 'counting')
      return html`<div class="card" role="status">
        <p class="prompt">${msg('Ask the patient to sit at rest, look at the camera and relax the face.')}</p>
        <p class="count" aria-live="off">${p.left}</p>
        <p>${msg(str`Recording the resting face: ${p.left} s left.`)}</p>
        <button @click=${this.cancel}>${msg('Cancel')}</button>
      </div>`;
    return html`<div class="card">
      <p>
        ${msg(
          str`Resting baseline: ${BASELINE_SECONDS} s of the patient at rest, so readings can be shown relative to their own neutral face.`,
        )}
      </p>
      ${p.kind === 'saved' ? html`<p role="status">${msg('Baseline saved.')}</p>` : nothing}
      ${p.kind === 'failed' ? html`<p class="error" role="alert">${p.why}</p>` : nothing}
      <button class="record-baseline" ?disabled=${!this.patientId || !this.live} @click=${this.begin}>
        ${this.hasBaseline ? msg('Record the baseline again') : msg('Record a baseline')}
      </button>
      ${!this.patientId || !this.live ? html`<p class="hint">${msg('Choose a patient and start the camera first.')}</p>` : nothing}
    </div>`;
  }

  private begin(): void {
    const startedAt = Date.now();
    this.phase = { kind: 'counting', startedAt, left: BASELINE_SECONDS };
    this.timer = setInterval(() => this.tick(startedAt), 250);
  }

  private tick(startedAt: number): void {
    const left = BASELINE_SECONDS - Math.floor((Date.now() - startedAt) / 1000);
    if (left > 0) {
      if (this.phase.kind === 'counting' && this.phase.left !== left) this.phase = { ...this.phase, left };
      return;
    }
    clearInterval(this.timer);
    void this.save(startedAt);
  }

  private cancel(): void {
    clearInterval(this.timer);
    this.phase = { kind: 'idle' };
  }

  private async save(startedAt: number): Promise<void> {
    // Whole seconds inside the countdown; each point is stamped with the start of its second.
    const rows = this.points
      .filter((pt) => pt.t >= startedAt - 500 && pt.t < startedAt + BASELINE_SECONDS * 1000 && pt.p)
      .map((pt) => (pt.p ?? []).map(toPercent));
    if (rows.length < MIN_BASELINE_ROWS) {
      this.phase = { kind: 'failed', why: msg('Too few seconds with a usable face. Check the framing and try again.') };
      return;
    }
    try {
      await addBaseline(this.patientId, rows, startedAt);
      this.phase = { kind: 'saved' };
      this.dispatchEvent(
        new CustomEvent('resmo-baseline-recorded', {
          detail: { patientId: this.patientId },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.phase = { kind: 'failed', why: storageErrorMessage(error) };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-baseline-recorder': ResmoBaselineRecorder;
  }
  interface GlobalEventHandlersEventMap {
    'resmo-baseline-recorded': BaselineRecordedEvent;
  }
}
