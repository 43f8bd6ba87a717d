import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { consentStands, type Consent } from '../../shared/consent.js';
import { askConsent } from '../../controllers/consent-guard.js';
import { deleteSession, withdrawConsent, type Patient } from '../../storage/index.js';
import { formatCalendarDate, formatDate } from '../../i18n/format.js';
import { sessionCount } from '../../i18n/counts.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { ResmoConfirmDialog } from '../ui/resmo-confirm-dialog.js';
import '../ui/resmo-confirm-dialog.js';
import { withDeletionReach } from '../../i18n/deletion-reach.js';

/** The patient's consent on their page: when and how it was given, record it, or withdraw it. */
@customElement('resmo-consent-panel')
@localized()
export class ResmoConsentPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      p {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) patient: Patient | null = null;
  /** The patient's sessions, which a withdrawal offers to delete. */
  @property({ attribute: false }) sessionIds: readonly string[] = [];
  @state() private error = '';
  @query('resmo-confirm-dialog') private confirm!: ResmoConfirmDialog;

  override render() {
    const consent = this.patient?.consent;
    return html`<div class="row">
        ${consent && consentStands(consent) ? this.renderGiven(consent) : this.renderMissing()}
      </div>
      ${consent?.withdrawnAt === undefined ? nothing : html`<p>${msg(str`Consent withdrawn on ${formatDate(consent.withdrawnAt)}.`)}</p>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <resmo-confirm-dialog></resmo-confirm-dialog>`;
  }

  private renderGiven(c: Consent) {
    const how = c.form === 'written' ? msg('in writing') : msg('verbally');
    return html`<p class="given">
        ${msg(str`Consent given ${how} on ${formatCalendarDate(c.givenOn)} (consent text version ${c.textVersion}).`)}
        ${c.note ? html`<br />${c.note}` : nothing}
      </p>
      <button type="button" class="danger screen-only withdraw" @click=${this.withdraw}>
        ${msg('Withdraw consent')}
      </button>`;
  }

  private renderMissing() {
    return html`<p class="missing">${msg('No consent recorded yet: it is asked before the first recording.')}</p>
      <button type="button" class="screen-only record" @click=${this.record}>${msg('Record consent')}</button>`;
  }

  private async record(): Promise<void> {
    if (this.patient && (await askConsent(this.patient.id))) this.changed();
  }

  private async withdraw(): Promise<void> {
    const patient = this.patient;
    if (!patient) return;
    const sure = await this.confirm.ask({
      title: msg('Withdraw the consent?'),
      message: msg('Resmo will not record this patient again until consent is recorded anew.'),
      confirmLabel: msg('Withdraw consent'),
    });
    if (!sure) return;
    try {
      await withdrawConsent(patient.id);
      if (this.sessionIds.length && (await this.askDelete())) for (const id of this.sessionIds) await deleteSession(id);
      this.error = '';
    } catch (error) {
      this.error = storageErrorMessage(error);
    }
    this.changed();
  }

  private askDelete(): Promise<boolean> {
    const sessions = sessionCount(this.sessionIds.length);
    return this.confirm.ask({
      title: msg(str`Also delete this patient’s ${sessions}?`),
      message: withDeletionReach(
        msg('Their timelines, markers and notes are deleted from this device. It cannot be undone.'),
      ),
      confirmLabel: msg('Delete sessions'),
    });
  }

  private changed(): void {
    this.dispatchEvent(new Event('resmo-consent-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-consent-panel': ResmoConsentPanel;
  }
  interface GlobalEventHandlersEventMap {
    'resmo-consent-changed': Event;
  }
}
