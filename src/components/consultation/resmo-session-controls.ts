import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { RecorderState } from '../../controllers/session-recorder.js';
import type { PatientSelectedEvent } from './resmo-patient-picker.js';
import { formatCount, formatDuration } from '../../i18n/format.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { endedMessage, unsavedMessage } from '../../i18n/recording-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import './resmo-patient-picker.js';
import '../ui/resmo-interrupted-sessions.js';

/** The key that marks a moment while recording (when focus is not in a text field). */
const MARKER_KEY = 'm';

export type SessionStartEvent = CustomEvent<{ patientId: string }>;
export type MarkerAddEvent = CustomEvent<{ label: string }>;
export type SessionStopEvent = CustomEvent<null>;

/**
 * Session controls for the consultation screen: choose a patient, start and stop a recording,
 * mark moments (button or the M key), and resume or finish interrupted sessions. They show the
 * recording's state and say what the clinician asked for with events (`resmo-session-start`,
 * `resmo-marker-add`, `resmo-session-stop`, and `resmo-resume-session` from the list inside);
 * the screen does it.
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
      resmo-patient-picker {
        min-width: 0;
        max-width: 100%;
      }
      input {
        max-width: 100%;
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
      .saved {
        background: #e3f3e8;
        color: #14532d;
      }
      .saved a {
        color: inherit;
        font-weight: 600;
      }
      :is(button, input, a):focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  @property({ attribute: false }) state: RecorderState = { status: 'idle' };
  /** Why the last start, marker or stop failed, in words for the clinician; empty when it did not. */
  @property({ attribute: false }) error = '';
  /** The session stopped last on this screen, offered for review. */
  @property({ attribute: false }) lastSessionId = '';
  /** The chosen patient (from the address, or this picker through the screen). */
  @property({ attribute: false }) patientId = '';
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
    const ended = this.state.status === 'idle' ? endedMessage(this.state) : null;
    return html`
      ${ended ? html`<p class="notice ended" role="alert"><strong>${ended.title}</strong> ${ended.help}</p>` : nothing}
      ${
        this.lastSessionId && !ended
          ? html`<p class="notice saved" role="status">
              <strong>${msg('Session saved.')}</strong>
              <a href="#/sessions/${encodeURIComponent(this.lastSessionId)}">${msg('Open its report')}</a>
            </p>`
          : nothing
      }
      <resmo-interrupted-sessions resumable></resmo-interrupted-sessions>
      <div class="row">
        <resmo-patient-picker .value=${this.patientId} @resmo-patient-selected=${this.onPatient}></resmo-patient-picker>
        <button class="start primary" ?disabled=${!this.patientId} @click=${this.start}>${msg('Start session')}</button>
      </div>
    `;
  }

  private renderRecording(state: Exclude<RecorderState, { status: 'idle' }>) {
    if (state.status === 'unsaved') return this.renderUnsaved(state);
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

  private renderUnsaved(state: Extract<RecorderState, { status: 'unsaved' }>) {
    const { title, help } = unsavedMessage(state);
    return html`
      <div class="error unsaved" role="alert"><strong>${title}</strong> ${help}</div>
      <div class="row">
        <button class="retry primary" @click=${this.stop}>${msg('Try saving now')}</button>
      </div>
    `;
  }

  private onPatient(event: PatientSelectedEvent): void {
    this.patientId = event.detail.patientId;
  }

  private start(): void {
    this.emit('resmo-session-start', { patientId: this.patientId });
  }

  private mark(): void {
    const label = this.labelInput?.value ?? '';
    if (this.labelInput) this.labelInput.value = '';
    this.emit('resmo-marker-add', { label });
  }

  private stop(): void {
    this.emit('resmo-session-stop', null);
  }

  private emit<K extends 'resmo-session-start' | 'resmo-marker-add' | 'resmo-session-stop'>(
    type: K,
    detail: GlobalEventHandlersEventMap[K]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Enter in the label field marks the moment with that label. */
  private onLabelKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') this.mark();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (this.state.status === 'idle' || event.key.toLowerCase() !== MARKER_KEY) return;
    if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.composedPath()[0])) return;
    event.preventDefault();
    this.mark();
  };
}

function isTextField(target: EventTarget | undefined): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-session-start': SessionStartEvent;
    'resmo-marker-add': MarkerAddEvent;
    'resmo-session-stop': SessionStopEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-session-controls': ResmoSessionControls;
  }
}
