import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';
import { lockFormStyles } from '../../styles/lock-styles.js';
import { readNewPassphrase } from '../../i18n/lock-messages.js';
import './resmo-new-passphrase.js';

export type SealRequestEvent = CustomEvent<{ passphrase: string }>;

/** Asks for the passphrase a sealed export is locked with (twice); fires `resmo-seal-request`. */
@customElement('resmo-seal-form')
@localized()
export class ResmoSealForm extends LitElement {
  static override styles = [sharedStyles, lockFormStyles];

  @property({ type: Boolean }) busy = false;
  @state() private error = '';

  override render() {
    return html`<form @submit=${this.submit}>
      <p class="purpose">
        ${msg(
          'Only someone with this passphrase can open the file. Tell it to the colleague by another way than the file (for example, by phone).',
        )}
      </p>
      <resmo-new-passphrase label=${msg('Passphrase for this file')}></resmo-new-passphrase>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${msg('Export sealed file')}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </form>`;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { passphrase, problem } = readNewPassphrase(new FormData(form));
    this.error = problem ?? '';
    if (problem) return;
    form.reset();
    this.dispatchEvent(new CustomEvent('resmo-seal-request', { detail: { passphrase } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-seal-form': ResmoSealForm;
  }
  interface GlobalEventHandlersEventMap {
    'resmo-seal-request': SealRequestEvent;
  }
}
