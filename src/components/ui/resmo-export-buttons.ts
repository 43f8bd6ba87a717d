import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { exportPatientData, exportSessionData, sealExportText, serializeExport, toCsv } from '../../storage/index.js';
import type { ExportFile } from '../../shared/export-schema.js';
import { safeFileName, shareOrDownload } from '../../platform/share-file.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { exportDoneMessage, type ExportDone } from '../../i18n/export-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import './resmo-fhir-export.js';
import '../lock/resmo-seal-form.js';
import type { SealRequestEvent } from '../lock/resmo-seal-form.js';
import type { ExportedEvent } from './resmo-fhir-export.js';

/** Export of a session (`session-id`) or of a whole patient (`patient-id`) as JSON or CSV. */
@customElement('resmo-export-buttons')
@localized()
export class ResmoExportButtons extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .warning,
      .done,
      resmo-seal-form {
        flex-basis: 100%;
        margin: 0;
      }
      .done {
        border-radius: var(--resmo-radius);
        padding: 0.75rem 1rem;
        background: #e3f3e8;
        color: #14532d;
      }
      button:focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  @property({ attribute: 'session-id' }) sessionId = '';
  @property({ attribute: 'patient-id' }) patientId = '';
  @state() private error = '';
  @state() private sealing = false;
  @state() private busy = false;
  /** The file the last export wrote, said back to the clinician. */
  @state() private done: ExportDone | null = null;

  override render() {
    return html`
      <button class="sealed" aria-expanded=${this.sealing} @click=${() => (this.sealing = !this.sealing)}>
        ${msg('Export sealed (with a passphrase)')}
      </button>
      <button @click=${() => this.export('json')}>${msg('Export JSON')}</button>
      <button @click=${() => this.export('csv')}>${msg('Export CSV')}</button>
      <resmo-fhir-export
        session-id=${this.sessionId}
        patient-id=${this.patientId}
        @resmo-exported=${(e: ExportedEvent) => (this.done = e.detail)}
      ></resmo-fhir-export>
      <p class="warning notice">
        ${msg('JSON and CSV files are not protected: they hold clinical data that anyone with the file can read.')}
      </p>
      ${
        this.sealing
          ? html`<resmo-seal-form ?busy=${this.busy} @resmo-seal-request=${this.exportSealed}></resmo-seal-form>`
          : nothing
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div role="status">${this.done ? this.renderDone(this.done) : nothing}</div>
    `;
  }

  private renderDone(done: ExportDone) {
    const { title, help } = exportDoneMessage(done);
    return html`<p class="done"><strong>${title}</strong> ${help}</p>`;
  }

  private load(): Promise<ExportFile> {
    return this.sessionId ? exportSessionData(this.sessionId) : exportPatientData(this.patientId);
  }

  /** `resmo-P-7K3F9Q-2026-11-24.json`: the code and date, never the name, in case the file is shared. */
  private fileName(data: ExportFile, extension: string): string {
    const code = data.patients[0]?.code ?? 'export';
    const session = this.sessionId ? data.patients[0]?.sessions[0] : undefined;
    const day = (session?.startedAt ?? data.exportedAt).slice(0, 10);
    return `${safeFileName(`resmo-${code}-${day}`)}.${extension}`;
  }

  private async export(kind: 'json' | 'csv' | 'sealed.json', passphrase = ''): Promise<void> {
    this.error = '';
    this.done = null;
    this.busy = true;
    try {
      const data = await this.load();
      const body =
        kind === 'csv'
          ? toCsv(data)
          : kind === 'json'
            ? serializeExport(data)
            : await sealExportText(serializeExport(data), passphrase);
      const type = kind === 'csv' ? 'text/csv' : 'application/json';
      const fileName = this.fileName(data, kind);
      const outcome = await shareOrDownload(new File([body], fileName, { type }), fileName);
      const sessions = data.patients.reduce((n, p) => n + p.sessions.length, 0);
      if (outcome !== 'cancelled') this.done = { fileName, outcome, sessions, sealed: kind === 'sealed.json' };
      if (kind === 'sealed.json') this.sealing = false;
    } catch (error) {
      this.error = storageErrorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private exportSealed(event: SealRequestEvent): Promise<void> {
    return this.export('sealed.json', event.detail.passphrase);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-export-buttons': ResmoExportButtons;
  }
}
