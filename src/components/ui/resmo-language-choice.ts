import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { applyLocale, getLocale, isLocale, locales, type Locale } from '../../i18n/localization.js';
import { formStyles } from '../../styles/form-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/** The app's language, each named in itself, so a user who cannot read the current one finds theirs. */
@customElement('resmo-language-choice')
@localized()
export class ResmoLanguageChoice extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      label {
        display: grid;
        gap: 0.25rem;
      }
    `,
  ];

  @state() private locale: Locale = getLocale() as Locale;

  override render() {
    return html`<label
      >${msg('Language of the app')}
      <select @change=${this.onLanguage}>
        ${locales.map((code) => html`<option value=${code} ?selected=${code === this.locale}>${languageName(code)}</option>`)}
      </select></label
    >`;
  }

  private async onLanguage(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLocale(value)) return;
    await applyLocale(value, true);
    this.locale = value;
  }
}

function languageName(code: Locale): string {
  return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-language-choice': ResmoLanguageChoice;
  }
}
