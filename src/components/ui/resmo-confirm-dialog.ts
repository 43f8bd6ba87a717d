import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';
import { dialogStyles } from '../../styles/dialog-styles.js';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
}

/**
 * A modal yes/no question. The safe answer (Cancel) has focus first, so Enter never deletes by
 * accident; the native <dialog> traps focus and gives it back to the opener on close.
 */
@customElement('resmo-confirm-dialog')
@localized()
export class ResmoConfirmDialog extends LitElement {
  static override styles = [sharedStyles, dialogStyles];

  @state() private request: ConfirmRequest = { title: '', message: '', confirmLabel: '' };
  @query('dialog') private dialog!: HTMLDialogElement;
  private resolve: ((confirmed: boolean) => void) | undefined;

  /** Opens the dialog and resolves true when the user confirms. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this.resolve?.(false);
    this.request = request;
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  override render() {
    const { title, message, confirmLabel } = this.request;
    return html`<dialog aria-labelledby="title" aria-describedby="message" @close=${this.onClose}>
      <form method="dialog">
        <h2 id="title">${title}</h2>
        <p id="message">${message}</p>
        <div class="actions">
          <button value="cancel" autofocus>${msg('Cancel')}</button>
          <button value="confirm" class="danger">${confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private onClose(): void {
    this.resolve?.(this.dialog.returnValue === 'confirm');
    this.resolve = undefined;
    this.dialog.returnValue = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-confirm-dialog': ResmoConfirmDialog;
  }
}
