import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';
import { heading, type HeadingLevel } from '../../styles/heading.js';

/** What encryption on this device protects against, and what it does not: said plainly. */
@customElement('resmo-privacy-facts')
@localized()
export class ResmoPrivacyFacts extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-top: 1.5rem;
      }
    `,
  ];

  /** The level of its headings: 3 under a page's section (h2), 2 directly under a page heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: HeadingLevel = 3;

  override render() {
    return html`${heading(this.headingLevel, msg('What this protects'))}
      <ul>
        <li>${msg('The video never leaves the device; only the per-second readings are kept.')}</li>
        <li>
          ${msg(
            'With encryption on, a lost, stolen or shared device shows no names, codes, notes, markers or readings to someone who copies its files. Without the passphrase or the recovery key they cannot be read.',
          )}
        </li>
      </ul>
      ${heading(this.headingLevel, msg('What it cannot protect'))}
      <ul>
        <li>
          ${msg(
            'A device left unlocked: while Resmo is open and unlocked, whoever uses it can see the records. Lock it (or let it lock itself) when you step away.',
          )}
        </li>
        <li>
          ${msg(
            'A malicious browser extension, or malware on the device, can read what the screen shows and what you type. Use a browser profile without extensions for consultations.',
          )}
        </li>
        <li>
          ${msg(
            'A poisoned update: if the place you install Resmo from were taken over, a changed version could read the records once you unlock them. Install only from your clinic’s own address.',
          )}
        </li>
        <li>${msg('A plain (not sealed) export: anyone who gets the file can read it.')}</li>
        <li>
          ${msg(
            'Records that were on this device before encryption was turned on: the browser may keep old unencrypted copies in its own files for a while. To remove them for certain, export a sealed copy of every patient, clear this site’s data in the browser’s settings, turn encryption on again and import the copy.',
          )}
        </li>
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-privacy-facts': ResmoPrivacyFacts;
  }
}
