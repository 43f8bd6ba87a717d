import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { CONSENT_LANGUAGES, consentText, type ConsentLanguage } from '../../i18n/consent-text.js';
import { getLocale } from '../../i18n/localization.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/**
 * The consent text in English or Spanish (whatever the app's language), for the patient to read
 * on screen or on paper. With `choose`, it offers the language and a Print button.
 */
@customElement('resmo-consent-text')
@localized()
export class ResmoConsentText extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .languages {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      .languages button[aria-pressed='true'] {
        background: var(--resmo-brand);
        color: var(--resmo-brand-ink);
      }
      article {
        max-width: 70ch;
        line-height: 1.5;
      }
      :host([compact]) article {
        max-height: 40vh;
        overflow: auto;
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
        padding: 0 0.75rem;
      }
      .version {
        color: var(--resmo-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  @property() language: ConsentLanguage = getLocale() === 'es' ? 'es' : 'en';
  /** The version shown; this build's unless a recorded consent names another. */
  @property() version: string | undefined;
  @property({ type: Boolean }) choose = false;
  /** A scrolling box of limited height, for a dialog. */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    const text = consentText(this.language, this.version);
    return html`${this.choose ? this.renderChoice() : nothing}
      <article lang=${this.language} tabindex=${this.compact ? '0' : nothing}>
        <h3>${text.title}</h3>
        ${text.paragraphs.map((p) => html`<p>${p}</p>`)}
        <p class="version">${text.versionLine}</p>
      </article>`;
  }

  private renderChoice() {
    return html`<div class="languages" role="group" aria-label=${msg('Language of the consent text')}>
      ${CONSENT_LANGUAGES.map(
        (l) =>
          html`<button
            type="button"
            lang=${l}
            aria-pressed=${this.language === l ? 'true' : 'false'}
            @click=${() => (this.language = l)}
          >
            ${new Intl.DisplayNames([l], { type: 'language' }).of(l)}
          </button>`,
      )}
      <button type="button" class="print" @click=${this.print}>${msg('Print the text')}</button>
    </div>`;
  }

  /** Prints the text alone, from a blank frame built with DOM calls (the CSP allows no inline markup). */
  private print(): void {
    const text = consentText(this.language, this.version);
    const frame = document.createElement('iframe');
    frame.width = '0';
    frame.height = '0';
    frame.setAttribute('aria-hidden', 'true');
    document.body.append(frame);
    const doc = frame.contentDocument;
    const view = frame.contentWindow;
    if (!doc || !view) return frame.remove();
    doc.documentElement.lang = this.language;
    doc.title = text.title;
    const add = (tag: string, content: string) =>
      doc.body.append(Object.assign(doc.createElement(tag), { textContent: content }));
    add('h1', text.title);
    text.paragraphs.forEach((p) => add('p', p));
    add('p', text.versionLine);
    view.addEventListener('afterprint', () => frame.remove(), { once: true });
    view.print();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-consent-text': ResmoConsentText;
  }
}
