import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { RecorderState, SessionRecorder } from '../controllers/session-recorder.js';
import { requestPersistence, type SessionSource } from '../storage/index.js';
import type { ResumeSessionEvent } from './resmo-interrupted-sessions.js';
import type { PatientSelectedEvent } from './resmo-patient-picker.js';
import { formatCount, formatDuration } from './format.js';
import { storageErrorMessage } from './storage-messages.js';
import { sharedStyles } from './shared-styles.js';
import './resmo-patient-picker.js';
import './resmo-interrupted-sessions.js';

/** The key that marks a moment while recording (when focus is not in a text field). */
const MARKER_KEY = 'm';

/**
 * Session controls for the consultation screen: choose a patient, start and stop a recording,
 * mark moments (button or the M key), and resume or finish interrupted sessions. The screen
 * owns the SessionRecorder (it feeds it readings) and passes it in with its current state.
 */
@customElement('resmo-session-controls')
@localized()
export class ResmoSessionControls extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* Links and labels styled as buttons are content-box by default: keep them 44px tall like buttons. */
      .button {
        box-sizing: border-box;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      input {
        font: inherit;
        min-height: 44px;
        padding: 0 0.5rem;
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      .live {
        font-weight: 600;
      }
      :is(button, input, a):focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  @property({ attribute: false }) recorder: SessionRecorder | null = null;
  /** Pass `recorder.state` so the controls re-render when it changes. */
  @property({ attribute: false }) state: RecorderState = { status: 'idle' };
  /** Where the picture of a new session comes from; kept with the session. */
  @property() source: SessionSource = 'camera';
  @state() private patientId = '';
  @state() private error = '';
  @state() private lastSessionId = '';
  @query('input[name="marker-label"]') private labelInput!: HTMLInputElement | null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
  }

  override render() {
    return html`
      ${this.state.status === 'idle' ? this.renderIdle() : this.renderRecording(this.state)}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    `;
  }

  private renderIdle() {
    return html`
      <resmo-interrupted-sessions resumable @resmo-resume-session=${this.onResume}></resmo-interrupted-sessions>
      <div class="row">
        <resmo-patient-picker .value=${this.patientId} @resmo-patient-selected=${this.onPatient}></resmo-patient-picker>
        <button class="start primary" ?disabled=${!this.patientId} @click=${this.start}>${msg('Start session')}</button>
        ${
          this.lastSessionId
            ? html`<a class="button" href="#/sessions/${encodeURIComponent(this.lastSessionId)}"
                >${msg('Review the last session')}</a
              >`
            : nothing
        }
      </div>
    `;
  }

  private renderRecording(state: Exclude<RecorderState, { status: 'idle' }>) {
    const elapsed = formatDuration(state.session.seconds);
    return html`
      <p class="live" role="status">${msg(str`Recording: ${elapsed} saved, ${formatCount(state.markers)} markers.`)}</p>
      ${state.status === 'error' ? html`<p class="error" role="alert">${storageErrorMessage(state.error)}</p>` : nothing}
      <div class="row">
        <label
          >${msg('Marker label (optional)')}
          <input name="marker-label" maxlength="200" autocomplete="off" @keydown=${this.onLabelKey} />
        </label>
        <button class="mark" @click=${this.mark} aria-keyshortcuts="M">${msg('Add marker (M)')}</button>
        <button class="stop danger" @click=${this.stop}>${msg('Stop session')}</button>
      </div>
    `;
  }

  private onPatient(event: PatientSelectedEvent): void {
    this.patientId = event.detail.patientId;
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.error = '';
    try {
      await action();
    } catch (error) {
      this.error = storageErrorMessage(error);
    }
  }

  private start(): Promise<void> {
    // Starting a recording is the moment the data starts to matter: ask the browser to keep it.
    void requestPersistence().catch(() => false);
    return this.run(async () => this.recorder?.start(this.patientId, this.source));
  }

  private onResume(event: ResumeSessionEvent): Promise<void> {
    return this.run(async () => this.recorder?.resume(event.detail.session.id));
  }

  private mark(): Promise<void> {
    const label = this.labelInput?.value ?? '';
    if (this.labelInput) this.labelInput.value = '';
    return this.run(async () => this.recorder?.addMarker(label));
  }

  private stop(): Promise<void> {
    return this.run(async () => {
      const session = await this.recorder?.stop();
      if (session) this.lastSessionId = session.id;
    });
  }

  /** Enter in the label field marks the moment with that label. */
  private onLabelKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') void this.mark();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (this.state.status === 'idle' || event.key.toLowerCase() !== MARKER_KEY) return;
    if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.composedPath()[0])) return;
    event.preventDefault();
    void this.mark();
  };
}

function isTextField(target: EventTarget | undefined): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-session-controls': ResmoSessionControls;
  }
}
