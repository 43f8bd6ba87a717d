import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { exportPatientData, exportSessionData, serializeExport, toCsv } from '../../storage/index.js';
import type { ExportFile } from '../../shared/export-schema.js';
import { safeFileName, shareOrDownload } from '../../platform/share-file.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import './resmo-fhir-export.js';

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
      button:focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  @property({ attribute: 'session-id' }) sessionId = '';
  @property({ attribute: 'patient-id' }) patientId = '';
  @state() private error = '';

  override render() {
    return html`
      <button @click=${() => this.export('json')}>${msg('Export JSON')}</button>
      <button @click=${() => this.export('csv')}>${msg('Export CSV')}</button>
      <resmo-fhir-export session-id=${this.sessionId} patient-id=${this.patientId}></resmo-fhir-export>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    `;
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

  private async export(kind: 'json' | 'csv'): Promise<void> {
    this.error = '';
    try {
      const data = await this.load();
      const body = kind === 'json' ? serializeExport(data) : toCsv(data);
      const type = kind === 'json' ? 'application/json' : 'text/csv';
      await shareOrDownload(new File([body], this.fileName(data, kind), { type }), this.fileName(data, kind));
    } catch (error) {
      this.error = storageErrorMessage(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-export-buttons': ResmoExportButtons;
  }
}
