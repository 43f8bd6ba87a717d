import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ClashChoice, PatientClash } from '../../storage/index.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { dialogStyles } from '../../styles/dialog-styles.js';

interface Identity {
  code: string;
  name: string;
  birthDate: string | null;
}

/**
 * Asks what to do with a file's patient stored under the record of a different patient on this
 * device: keep both as two patients, merge the file's sessions into the patient here, or cancel.
 * Cancel has focus first: nothing is written until the clinician chooses.
 */
@customElement('resmo-import-clash-dialog')
@localized()
export class ResmoImportClashDialog extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.25rem 0.5rem 0.25rem 0;
        vertical-align: top;
        /* Whole words: "anywhere" let a phone's narrow columns cut "dispositivo" and codes mid-word. */
        overflow-wrap: break-word;
      }
      thead th {
        border-bottom: 1px solid var(--resmo-line);
      }
      /* A phone: three columns of whole words ("nacimiento", "dispositivo") fit at a smaller size. */
      @media (max-width: 30rem) {
        table {
          font-size: 0.875rem;
        }
        th,
        td {
          padding-inline-end: 0.35rem;
        }
      }
    `,
  ];

  @state() private clash: PatientClash | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  private resolve: ((choice: ClashChoice | null) => void) | undefined;

  /** Opens the question; resolves with the choice, or null when the import is cancelled. */
  async ask(clash: PatientClash): Promise<ClashChoice | null> {
    this.resolve?.(null);
    this.clash = clash;
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  override render() {
    const here = this.clash?.existing;
    const file = this.clash?.imported;
    return html`<dialog aria-labelledby="clash-title" aria-describedby="clash-message" @close=${this.onClose}>
      <form method="dialog">
        <h2 id="clash-title">${msg('Is this the same patient?')}</h2>
        <p id="clash-message">
          ${msg(
            'A patient in the file uses the record of a different patient on this device. Check both, then choose: keep them as two patients, or add the file’s sessions to the patient on this device.',
          )}
        </p>
        <table>
          <thead>
            <tr>
              <td></td>
              <th scope="col">${msg('On this device')}</th>
              <th scope="col">${msg('In the file')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.row(msg('Code'), here, file, (p) => p.code)}
            ${this.row(msg('Name'), here, file, (p) => p.name || '—')}
            ${this.row(msg('Birth date'), here, file, (p) => (p.birthDate ? formatCalendarDate(p.birthDate) : '—'))}
          </tbody>
        </table>
        <div class="actions">
          <button value="cancel" autofocus>${msg('Cancel import')}</button>
          <button value="merge">${msg('Add to the patient on this device')}</button>
          <button value="keep-both" class="primary">${msg('Keep both patients')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private row(label: string, here: Identity | undefined, file: Identity | undefined, show: (p: Identity) => string) {
    return html`<tr>
      <th scope="row">${label}</th>
      <td>${here ? show(here) : ''}</td>
      <td>${file ? show(file) : ''}</td>
    </tr>`;
  }

  private onClose(): void {
    const value = this.dialog.returnValue;
    this.resolve?.(value === 'merge' || value === 'keep-both' ? value : null);
    this.resolve = undefined;
    this.dialog.returnValue = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-import-clash-dialog': ResmoImportClashDialog;
  }
}
