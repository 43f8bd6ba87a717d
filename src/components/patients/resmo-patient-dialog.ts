import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { createPatient, editPatient, newPatientCode, type Patient, type PatientInput } from '../../storage/index.js';
import { LIMITS } from '../../shared/text-rules.js';
import { EHR_LIMITS, isIdentifierSystem, isIdentifierValue } from '../../shared/ehr-identifier.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { dialogStyles } from '../../styles/dialog-styles.js';
import '../ui/resmo-date-input.js';

export type PatientSavedEvent = CustomEvent<{ patient: Patient }>;

/** Create or edit a patient in a modal form. Fires `resmo-patient-saved` after a successful save. */
@customElement('resmo-patient-dialog')
@localized()
export class ResmoPatientDialog extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      fieldset {
        display: grid;
        gap: 0.75rem;
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
        padding: 0.75rem;
        margin: 0;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
    `,
  ];

  @state() private patient: Patient | null = null;
  @state() private suggestedCode = '';
  @state() private error = '';
  @state() private saving = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;

  /** Opens the form: empty for a new patient, filled in for `patient`. */
  async open(patient: Patient | null = null): Promise<void> {
    this.patient = patient;
    this.suggestedCode = patient ? patient.code : newPatientCode();
    this.error = '';
    await this.updateComplete;
    this.form.reset();
    this.dialog.showModal();
  }

  override render() {
    const p = this.patient;
    return html`<dialog aria-labelledby="title">
      <form @submit=${this.save}>
        <h2 id="title">${p ? msg('Edit patient') : msg('New patient')}</h2>
        <label
          >${msg('Code')}
          <span class="hint">${msg('A pseudonymous code identifies the patient in reports and exports.')}</span>
          <input name="code" required maxlength=${LIMITS.code} .defaultValue=${this.suggestedCode} />
        </label>
        <label
          >${msg('Name (optional)')}
          <input name="name" maxlength=${LIMITS.name} autocomplete="off" .defaultValue=${p?.name ?? ''} />
        </label>
        <resmo-date-input
          name="birthDate"
          label=${msg('Date of birth (optional)')}
          .defaultValue=${p?.birthDate ?? ''}
        ></resmo-date-input>
        <label
          >${msg('Notes (optional)')}
          <textarea name="notes" rows="4" maxlength=${LIMITS.notes} .defaultValue=${p?.notes ?? ''}></textarea>
        </label>
        <fieldset>
          <legend>${msg('Health record number (optional)')}</legend>
          <span class="hint"
            >${msg('So that a health record (FHIR) export finds this patient in your clinic’s record.')}</span
          >
          <label
            >${msg('Health record system')}
            <span class="hint">${msg('As your health record uses it, for example urn:oid:… or https://…')}</span>
            <input
              name="ehrSystem"
              maxlength=${EHR_LIMITS.system}
              autocomplete="off"
              .defaultValue=${p?.ehrIdentifier?.system ?? ''}
            />
          </label>
          <label
            >${msg('Health record number')}
            <input
              name="ehrValue"
              maxlength=${EHR_LIMITS.value}
              autocomplete="off"
              .defaultValue=${p?.ehrIdentifier?.value ?? ''}
            />
          </label>
        </fieldset>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${this.cancel}>${msg('Cancel')}</button>
          <button type="submit" class="primary" ?disabled=${this.saving}>${msg('Save')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private input(): PatientInput {
    const data = new FormData(this.form);
    const text = (name: string) => String(data.get(name) ?? '');
    const [system, value] = [text('ehrSystem').trim(), text('ehrValue').trim()];
    return {
      code: text('code'),
      name: text('name'),
      birthDate: text('birthDate') || null,
      notes: text('notes'),
      ehrIdentifier: system || value ? { system, value } : null,
    };
  }

  /** A message for the health record fields, which the general storage message would not explain. */
  private ehrProblem({ ehrIdentifier }: PatientInput): string {
    if (!ehrIdentifier) return '';
    if (!isIdentifierSystem(ehrIdentifier.system))
      return msg('Write the health record system as your health record uses it, such as urn:oid:2.16.… or https://….');
    if (!isIdentifierValue(ehrIdentifier.value))
      return msg('Enter the health record number as plain text, or leave both health record fields empty.');
    return '';
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.error = this.ehrProblem(this.input());
    if (this.error) return;
    this.saving = true;
    try {
      const patient = this.patient
        ? await editPatient(this.patient.id, this.input())
        : await createPatient(this.input());
      this.dialog.close();
      this.dispatchEvent(
        new CustomEvent('resmo-patient-saved', { detail: { patient }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = storageErrorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  private cancel(): void {
    this.dialog.close();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-patient-saved': PatientSavedEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-patient-dialog': ResmoPatientDialog;
  }
}
