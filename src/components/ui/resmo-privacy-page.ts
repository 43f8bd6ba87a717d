import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';
import './resmo-privacy-summary.js';
import './resmo-install-help.js';
import './resmo-consent-text.js';
import '../lock/resmo-privacy-facts.js';

/** The privacy page (from Settings and the footer): the first-run facts, kept at hand. */
@customElement('resmo-privacy-page')
@localized()
export class ResmoPrivacyPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-block: 1rem;
      }
    `,
  ];

  override render() {
    return html`<h1>${msg('Privacy')}</h1>
      <section class="card" aria-labelledby="stored-title">
        <h2 id="stored-title">${msg('What Resmo keeps, and where')}</h2>
        <resmo-privacy-summary></resmo-privacy-summary>
        <resmo-privacy-facts></resmo-privacy-facts>
      </section>
      <section class="card consent" aria-labelledby="consent-title">
        <h2 id="consent-title">${msg('The patient’s consent')}</h2>
        <resmo-consent-text choose></resmo-consent-text>
      </section>
      <section class="card" aria-labelledby="install-title">
        <h2 id="install-title">${msg('Install on this device')}</h2>
        <resmo-install-help></resmo-install-help>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-privacy-page': ResmoPrivacyPage;
  }
}
