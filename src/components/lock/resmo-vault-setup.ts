import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { setUpVault } from '../../storage/index.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { heading, type HeadingLevel } from '../../styles/heading.js';
import { lockFormStyles } from '../../styles/lock-styles.js';
import { readNewPassphrase, unlockErrorMessage } from '../../i18n/lock-messages.js';
import { getLocale } from '../../i18n/localization.js';
import './resmo-new-passphrase.js';

/**
 * Turns encryption on: a passphrase (twice), the clinician's confirmation that nothing can be
 * recovered without it or the recovery key, then the recovery words, shown once.
 */
@customElement('resmo-vault-setup')
@localized()
export class ResmoVaultSetup extends LitElement {
  static override styles = [
    sharedStyles,
    lockFormStyles,
    css`
      ol.words {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.25rem 1rem;
        font-family: ui-monospace, monospace;
        font-size: 1.1rem;
        padding-left: 3rem;
      }
    `,
  ];

  /** Setting up while recording would race the recorder's writes; the settings screen says why. */
  @property({ type: Boolean }) disabled = false;
  /** The level of its headings: 3 under a page's section (h2), 2 directly under a page heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: HeadingLevel = 3;
  @state() private busy = false;
  @state() private sealed = 0;
  @state() private error = '';
  @state() private words: string[] | null = null;

  override render() {
    return this.words ? this.renderWords(this.words) : this.renderForm();
  }

  private renderForm() {
    return html`<form @submit=${this.submit}>
      <resmo-new-passphrase></resmo-new-passphrase>
      <label class="check">
        <input name="understood" type="checkbox" required />
        <span
          >${msg(
            'I understand that without this passphrase and the recovery key shown next, nobody can open these records again, not even the makers of Resmo.',
          )}</span
        >
      </label>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy || this.disabled}>
          ${msg('Turn on encryption')}
        </button>
      </div>
      ${
        this.busy
          ? html`<p role="status">
              ${this.sealed > 0 ? msg(str`Encrypting existing records: ${this.sealed} done`) : msg('Preparing the keys…')}
            </p>`
          : nothing
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </form>`;
  }

  private renderWords(words: string[]) {
    return html`<div class="notice" role="status">
        ${heading(this.headingLevel, msg('Your recovery key'))}
        <p>
          ${msg(
            'Write these 12 words on paper, in order, and keep them somewhere safe away from this device. They are shown only this once. With them you can set a new passphrase if you forget it.',
          )}
        </p>
        <p>
          ${msg(
            'The same key can also be typed in the other language of the app (English or Spanish): each word has its partner in the other list.',
          )}
        </p>
      </div>
      <ol class="words" aria-label=${msg('Recovery key')}>
        ${words.map((word) => html`<li>${word}</li>`)}
      </ol>
      <button class="primary" type="button" @click=${this.done}>${msg('I have written them down')}</button>`;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const { passphrase, problem } = readNewPassphrase(new FormData(event.target as HTMLFormElement));
    this.error = problem ?? '';
    if (!problem) void this.setUp(passphrase);
  }

  private async setUp(passphrase: string): Promise<void> {
    this.busy = true;
    try {
      const words = await setUpVault(passphrase, {
        onProgress: (sealed) => (this.sealed = sealed),
        language: getLocale() === 'es' ? 'es' : 'en',
      });
      this.words = words.split(' ');
    } catch (error) {
      this.error = unlockErrorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private done(): void {
    this.words = null;
    this.dispatchEvent(new Event('resmo-vault-ready', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-vault-setup': ResmoVaultSetup;
  }
  interface GlobalEventHandlersEventMap {
    'resmo-vault-ready': Event;
  }
}
