import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { setSessionNotes } from '../../storage/index.js';
import { LIMITS } from '../../shared/text-rules.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/** The clinician's notes on a session; printed as plain text in the report. */
@customElement('resmo-session-notes')
@localized()
export class ResmoSessionNotes extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      textarea {
        font: inherit;
        font-weight: normal;
        padding: 0.5rem;
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
      }
      :is(textarea, button):focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
      .row {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        margin-top: 0.5rem;
      }
      .print {
        display: none;
      }
      .text {
        white-space: pre-wrap;
      }
      @media print {
        .screen {
          display: none;
        }
        .print {
          display: block;
        }
      }
    `,
  ];

  @property({ attribute: 'session-id' }) sessionId = '';
  @property() notes = '';
  @state() private status: 'idle' | 'saved' | 'error' = 'idle';
  @state() private error = '';

  override render() {
    return html`<div class="screen">
        <label
          >${msg('Clinician notes')}
          <textarea rows="5" maxlength=${LIMITS.notes} .value=${this.notes} @input=${this.onInput}></textarea>
        </label>
        <div class="row">
          <button @click=${this.save}>${msg('Save notes')}</button>
          <span role="status">${this.status === 'saved' ? msg('Notes saved.') : nothing}</span>
        </div>
        ${this.status === 'error' ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </div>
      <div class="print">
        <h2>${msg('Clinician notes')}</h2>
        <p class="text">${this.notes || msg('No notes.')}</p>
      </div>`;
  }

  private onInput(event: InputEvent): void {
    this.notes = (event.target as HTMLTextAreaElement).value;
    this.status = 'idle';
  }

  private async save(): Promise<void> {
    try {
      await setSessionNotes(this.sessionId, this.notes);
      this.status = 'saved';
    } catch (error) {
      this.error = storageErrorMessage(error);
      this.status = 'error';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-session-notes': ResmoSessionNotes;
  }
}
