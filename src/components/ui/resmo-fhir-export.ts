import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { StorageError, exportPatientData, exportSessionData } from '../../storage/index.js';
import { loadClinician } from '../../platform/clinician.js';
import { safeFileName, shareOrDownload } from '../../platform/share-file.js';
import { softwareVersion } from '../../platform/software-version.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import type { ExportDone } from '../../i18n/export-messages.js';
import { dialogStyles } from '../../styles/dialog-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/**
 * "Export for the health record (FHIR)" of a session (`session-id`) or of all sessions of a
 * patient (`patient-id`): a dialog with the clinical-data warning and the choice to include the
 * name and date of birth (off by default), then the file is shared or downloaded.
 */
@customElement('resmo-fhir-export')
@localized()
export class ResmoFhirExport extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      :host {
        display: contents;
      }
      label.choice {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
      }
      label.choice .hint {
        display: block;
        margin-top: 0.25rem;
      }
      label.choice input {
        width: 1.25rem;
        height: 1.25rem;
        margin: 0.15rem 0 0;
        flex: none;
      }
      .warning {
        margin: 0;
        padding: 0.5rem 0.75rem;
        border-left: 4px solid var(--resmo-warn-ink);
        border-radius: var(--resmo-radius);
        background: var(--resmo-warn-bg);
        color: var(--resmo-warn-ink);
      }
    `,
  ];

  @property({ attribute: 'session-id' }) sessionId = '';
  @property({ attribute: 'patient-id' }) patientId = '';
  @state() private error = '';
  @state() private busy = false;
  private sessionCount = 0;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input[name="identifying"]') private identifying!: HTMLInputElement;

  override render() {
    return html`<button @click=${this.open}>${msg('Export for the health record (FHIR)')}</button>
      <dialog aria-labelledby="fhir-title" aria-describedby="fhir-warning">
        <form @submit=${this.export}>
          <h2 id="fhir-title">${msg('Export for the health record')}</h2>
          <p id="fhir-warning" class="warning">
            ${msg(
              'This file holds clinical data about the patient. Keep it safe and send it only to the health record, as your clinic allows.',
            )}
          </p>
          <p class="hint">
            ${
              this.sessionId
                ? msg('One file in the FHIR format that health record systems import: this session and its summary.')
                : msg('One file in the FHIR format that health record systems import: every session of this patient.')
            }
          </p>
          <label class="choice"
            ><input type="checkbox" name="identifying" />
            <span
              >${msg('Include identifying details (name and date of birth)')}
              <span class="hint"
                >${msg(
                  'Otherwise the patient is named only by their code and, if entered, their health record number.',
                )}</span
              ></span
            ></label
          >
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          <div class="actions">
            <button type="button" @click=${this.close}>${msg('Cancel')}</button>
            <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Export')}</button>
          </div>
        </form>
      </dialog>`;
  }

  /** The Bundle as a file named by code and date, never by name. */
  private async file(includeIdentifying: boolean): Promise<File> {
    const [data, software, fhir] = await Promise.all([
      this.sessionId ? exportSessionData(this.sessionId) : exportPatientData(this.patientId),
      softwareVersion(),
      // Loaded on first use: the FHIR mapping stays out of the start-up bundle (precached all the same).
      import('../../fhir/index.js'),
    ]);
    const input = fhir.fromExport(data, { includeIdentifying, software, practitioner: loadClinician() });
    this.sessionCount = input.sessions.length;
    const day = ((this.sessionId ? input.sessions[0]?.startedAt : undefined) ?? data.exportedAt).slice(0, 10);
    const name = `${safeFileName(`resmo-${input.patient.code}-${day}-fhir`)}.json`;
    return new File([fhir.serializeBundle(await fhir.buildBundle(input))], name, { type: 'application/json' });
  }

  private async open(): Promise<void> {
    this.error = '';
    await this.updateComplete;
    this.identifying.checked = false;
    this.dialog.showModal();
  }

  private close(): void {
    this.dialog.close();
  }

  private async export(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.busy = true;
    this.error = '';
    try {
      const file = await this.file(this.identifying.checked);
      this.dialog.close();
      const outcome = await shareOrDownload(file, file.name);
      if (outcome !== 'cancelled') {
        const detail = { fileName: file.name, outcome, sessions: this.sessionCount, sealed: false };
        this.dispatchEvent(new CustomEvent('resmo-exported', { detail, bubbles: true, composed: true }));
      }
    } catch (error) {
      this.error =
        error instanceof StorageError
          ? storageErrorMessage(error)
          : msg('The file could not be made. Reload the app and try again; nothing was changed.');
    } finally {
      this.busy = false;
    }
  }
}

export type ExportedEvent = CustomEvent<ExportDone>;

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-exported': ExportedEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-fhir-export': ResmoFhirExport;
  }
}
