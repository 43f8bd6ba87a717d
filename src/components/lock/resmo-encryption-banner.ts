import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';

/** Shown while encryption is off: the first-use invitation to set a passphrase. */
@customElement('resmo-encryption-banner')
@localized()
export class ResmoEncryptionBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .notice {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-bottom: 1rem;
      }
      a {
        color: inherit;
        font-weight: 600;
      }
    `,
  ];

  override render() {
    return html`<p class="notice">
      <span>${msg('The records on this device are not encrypted.')}</span>
      <a href="#/settings">${msg('Set a passphrase')}</a>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-encryption-banner': ResmoEncryptionBanner;
  }
}
