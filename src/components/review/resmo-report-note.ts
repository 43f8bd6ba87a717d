import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { consentStands, type Consent } from '../../shared/consent.js';
import { formatCalendarDate, formatDate } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/** The report's standing note, on screen and on paper: not a diagnosis, and the patient's consent. */
@customElement('resmo-report-note')
@localized()
export class ResmoReportNote extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-block: 0.75rem;
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--resmo-line);
      }
      p {
        margin: 0 0 0.25rem;
      }
      @media print {
        :host {
          border-color: #000;
        }
      }
    `,
  ];

  @property({ attribute: false }) consent: Consent | undefined;

  override render() {
    return html`<p class="diagnosis">
        ${msg('These readings estimate facial expression, not what the patient feels. They are not a diagnosis.')}
      </p>
      <p class="consent">${this.consentLine()}</p>`;
  }

  private consentLine(): string {
    const c = this.consent;
    if (!c) return msg('Consent: none recorded.');
    const given = formatCalendarDate(c.givenOn);
    const how = c.form === 'written' ? msg('in writing') : msg('verbally');
    if (consentStands(c)) return msg(str`Consent given ${how} on ${given} (consent text version ${c.textVersion}).`);
    return msg(str`Consent given on ${given}, withdrawn on ${formatDate(c.withdrawnAt ?? 0)}.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-report-note': ResmoReportNote;
  }
}
