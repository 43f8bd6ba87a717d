import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { getPatient, recordConsent, type Patient } from '../../storage/index.js';
import type { ConsentForm } from '../../shared/consent.js';
import type { ConsentRequestEvent } from '../../controllers/consent-guard.js';
import { getLocale } from '../../i18n/localization.js';
import type { ConsentLanguage } from '../../i18n/consent-text.js';
import { localToday } from '../../i18n/date-fields.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { dialogStyles } from '../../styles/dialog-styles.js';
import { consentDialogStyles } from '../../styles/consent-styles.js';
import './resmo-consent-text.js';
import './resmo-date-input.js';

/**
 * Records a patient's informed consent: the text to show or print (English or Spanish), the
 * date, verbal or written, an optional note. Answers every `resmo-consent-request` on the page.
 */
@customElement('resmo-consent-dialog')
@localized()
export class ResmoConsentDialog extends LitElement {
  static override styles = [sharedStyles, dialogStyles, consentDialogStyles];

  @state() private patient: Patient | null = null;
  @state() private language: ConsentLanguage = 'en';
  @state() private error = '';
  @state() private saving = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;
  private answer: ((given: boolean) => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resmo-consent-request', this.onRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resmo-consent-request', this.onRequest);
    this.finish(false);
  }

  private readonly onRequest = (event: ConsentRequestEvent): void => {
    event.preventDefault();
    void this.open(event.detail.patientId, event.detail.answer);
  };

  private async open(patientId: string, answer: (given: boolean) => void): Promise<void> {
    this.finish(false);
    this.answer = answer;
    try {
      this.patient = await getPatient(patientId);
    } catch {
      this.finish(false);
      return;
    }
    this.language = getLocale() === 'es' ? 'es' : 'en';
    this.error = '';
    await this.updateComplete;
    this.form.reset();
    this.dialog.showModal();
  }

  override render() {
    const code = this.patient?.code ?? '';
    return html`<dialog aria-labelledby="consent-title" @close=${() => this.finish(false)}>
      <form @submit=${this.save}>
        <h2 id="consent-title">${msg(str`Consent of ${code}`)}</h2>
        <p class="hint">
          ${msg('Before the first recording, show the patient this text (or print it), then record their answer.')}
        </p>
        <resmo-consent-text choose compact .language=${this.language}></resmo-consent-text>
        <resmo-date-input
          name="givenOn"
          label=${msg('Date of consent')}
          required
          .defaultValue=${localToday()}
        ></resmo-date-input>
        <fieldset>
          <legend>${msg('How the patient consented')}</legend>
          ${this.formChoice('verbal', msg('Verbally'))} ${this.formChoice('written', msg('In writing (signed)'))}
        </fieldset>
        <label
          >${msg('Note (optional)')}
          <textarea name="note" rows="2" maxlength="1000"></textarea>
        </label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" value="cancel" @click=${() => this.dialog.close()}>${msg('Cancel')}</button>
          <button type="submit" class="primary" ?disabled=${this.saving}>${msg('Record consent')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private formChoice(value: ConsentForm, label: string) {
    return html`<label class="choice"
      ><input type="radio" name="form" value=${value} required ?checked=${value === 'verbal'} /> ${label}</label
    >`;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.patient) return;
    const data = new FormData(this.form);
    this.saving = true;
    try {
      await recordConsent(this.patient.id, {
        givenOn: String(data.get('givenOn') ?? ''),
        form: data.get('form') === 'written' ? 'written' : 'verbal',
        note: String(data.get('note') ?? ''),
      });
      this.finish(true);
      this.dialog.close();
    } catch (error) {
      this.error = storageErrorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  private finish(given: boolean): void {
    const answer = this.answer;
    this.answer = undefined;
    answer?.(given);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-consent-dialog': ResmoConsentDialog;
  }
}
