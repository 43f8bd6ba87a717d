import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  ImportError,
  importFile,
  type ClashChoice,
  type ImportSummary,
  type PatientClash,
} from '../../storage/index.js';
import type { ResmoImportClashDialog } from './resmo-import-clash-dialog.js';
import './resmo-import-clash-dialog.js';
import { importErrorMessage } from '../../i18n/storage-messages.js';
import { formatCount } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';

export type ImportedEvent = CustomEvent<ImportSummary>;

type Outcome =
  { kind: 'none' } | { kind: 'busy' } | { kind: 'done'; summary: ImportSummary } | { kind: 'failed'; message: string };

/**
 * Imports a Resmo JSON export. The file is validated in full before anything is written, and
 * written in one transaction, so a refused file changes nothing. Fires `resmo-imported`.
 */
@customElement('resmo-import-button')
@localized()
export class ResmoImportButton extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* Links and labels styled as buttons are content-box by default: keep them 44px tall like buttons. */
      .button {
        box-sizing: border-box;
      }
      /* The label and the message take part in the surrounding toolbar's layout. */
      :host {
        display: contents;
      }
      .button:focus-within {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
      [role='status'] {
        flex-basis: 100%;
        margin: 0;
      }
      /* A box, not a run of text: wrapped on a phone, an inline box breaks its background and padding. */
      [role='status'] .error {
        display: block;
      }
      form.sealed {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      form.sealed label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      form.sealed input {
        font: inherit;
        min-height: 44px;
        padding: 0.4rem 0.6rem;
      }
      [role='status']:empty {
        display: none;
      }
    `,
  ];

  @state() private outcome: Outcome = { kind: 'none' };
  /** Counts finished imports, so the message is re-announced and tests can wait for it. */
  @state() private finished = 0;
  @query('resmo-import-clash-dialog') private clashDialog!: ResmoImportClashDialog;
  /** A sealed file waiting for its passphrase. */
  @state() private sealedFile: File | null = null;

  override render() {
    return html`
      <label class="button"
        >${msg('Import JSON…')}
        <input class="visually-hidden" type="file" accept=".json,application/json" @change=${this.onFile} />
      </label>
      <p role="status" data-import-count=${this.finished} data-outcome=${this.outcome.kind}>${this.message()}</p>
      <resmo-import-clash-dialog></resmo-import-clash-dialog>
      ${
        this.sealedFile
          ? html`<form class="sealed" @submit=${this.onPassphrase}>
              <label
                >${msg('Passphrase of the sealed file')}
                <input name="passphrase" type="password" autocomplete="off" required />
              </label>
              <button type="submit">${msg('Open and import')}</button>
            </form>`
          : nothing
      }
    `;
  }

  private message() {
    const o = this.outcome;
    switch (o.kind) {
      case 'none':
        return nothing;
      case 'busy':
        return msg('Checking the file…');
      case 'done':
        return msg(
          str`Imported. New patients: ${formatCount(o.summary.patientsAdded)}. New sessions: ${formatCount(o.summary.sessionsAdded)}. Sessions already on this device: ${formatCount(o.summary.sessionsSkipped)}.`,
        );
      case 'failed':
        return html`<span class="error">${o.message}</span>`;
    }
  }

  /** One question per clashing patient; stops at the first Cancel. */
  private async askAbout(clashes: readonly PatientClash[]): Promise<Map<string, ClashChoice> | null> {
    const choices = new Map<string, ClashChoice>();
    for (const clash of clashes) {
      const choice = await this.clashDialog.ask(clash);
      if (!choice) return null;
      choices.set(clash.imported.id, choice);
    }
    return choices;
  }

  private async onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Lets the same file be chosen again after fixing it.
    input.value = '';
    if (file) await this.import(file);
  }

  private onPassphrase(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const passphrase = String(new FormData(event.target as HTMLFormElement).get('passphrase') ?? '');
    return this.sealedFile ? this.import(this.sealedFile, passphrase) : Promise.resolve();
  }

  private async import(file: File, passphrase?: string): Promise<void> {
    this.outcome = { kind: 'busy' };
    try {
      const summary = await importFile(file, passphrase, (clashes) => this.askAbout(clashes));
      this.sealedFile = null;
      this.outcome = { kind: 'done', summary };
      this.dispatchEvent(new CustomEvent('resmo-imported', { detail: summary, bubbles: true, composed: true }));
    } catch (error) {
      const sealed = error instanceof ImportError && (error.reason === 'sealed' || error.reason === 'wrong-passphrase');
      this.sealedFile = sealed ? file : null;
      this.outcome = { kind: 'failed', message: importErrorMessage(error) };
    } finally {
      this.finished++;
    }
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-imported': ImportedEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-import-button': ResmoImportButton;
  }
}
