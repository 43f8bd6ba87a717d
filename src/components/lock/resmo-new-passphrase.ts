import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';

/**
 * A new passphrase and its repetition, as two fields of the form around it: rendered without a
 * shadow root so the form's FormData holds them (names `name` and `repeat`) and the host's
 * `lockFormStyles` style them. The form reads them with `readNewPassphrase` (i18n/lock-messages).
 */
@customElement('resmo-new-passphrase')
@localized()
export class ResmoNewPassphrase extends LitElement {
  /** The first field's name in the form data. */
  @property() name = 'passphrase';
  @property() label = '';
  @property({ attribute: 'repeat-label' }) repeatLabel = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return html`<label
        >${this.label || msg('New passphrase')}
        <input name=${this.name} type="password" autocomplete="new-password" required />
      </label>
      <label
        >${this.repeatLabel || msg('Repeat the passphrase')}
        <input name="repeat" type="password" autocomplete="new-password" required />
      </label>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-new-passphrase': ResmoNewPassphrase;
  }
}
