import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { StorageErrorReason } from '../../storage/index.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { StorageError } from '../../storage/index.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/**
 * Shown instead of the app when the records on this device cannot be opened (the browser does not
 * answer, or its storage is blocked): what happened, that nothing was lost, and what to do.
 */
@customElement('resmo-database-unavailable')
@localized()
export class ResmoDatabaseUnavailable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 40rem;
      }
      section {
        border: 2px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
        padding: 1rem 1.25rem;
      }
      h1 {
        font-size: 1.35rem;
        margin-top: 0;
      }
      ol {
        padding-left: 1.25rem;
      }
      li + li {
        margin-top: 0.35rem;
      }
    `,
  ];

  @property({ attribute: false }) reason: StorageErrorReason = 'stuck';

  override render() {
    const stuck = this.reason === 'stuck';
    return html`<section role="alert" aria-labelledby="unavailable-title">
      <h1 id="unavailable-title">${msg('The records on this device cannot be opened right now')}</h1>
      <p>
        ${
          stuck
            ? msg('The browser stopped answering when Resmo asked it to open the records kept on this device.')
            : storageErrorMessage(new StorageError(this.reason, ''))
        }
      </p>
      <p><strong>${msg('Nothing was lost: the patients and sessions are still stored on this device.')}</strong></p>
      <h2>${msg('What to do')}</h2>
      <ol>
        <li>${msg('Close the browser completely (every window), or close the Resmo app.')}</li>
        <li>${msg('On an iPad or iPhone: swipe up from the bottom edge, then swipe Safari or Resmo up and away.')}</li>
        <li>${msg('Open it again and go back to Resmo.')}</li>
      </ol>
      <button type="button" @click=${() => location.reload()}>${msg('Try again')}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-database-unavailable': ResmoDatabaseUnavailable;
  }
}
