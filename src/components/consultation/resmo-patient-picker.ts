import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { listPatients } from '../../storage/index.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { RecordsWatch } from '../../controllers/records-watch.js';
import { sharedStyles } from '../../styles/shared-styles.js';

export type PatientSelectedEvent = CustomEvent<{ patientId: string }>;

/** A labelled choice of an active patient. Fires `resmo-patient-selected`. */
@customElement('resmo-patient-picker')
@localized()
export class ResmoPatientPicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      label {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.25rem;
        font-weight: 600;
      }
      :host {
        max-width: 100%;
      }
      select {
        max-width: 100%;
        font: inherit;
        min-height: 44px;
        padding: 0 0.5rem;
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
      }
      select:focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  @property() value = '';

  private readonly patients = new Task(this, { task: () => listPatients(), args: () => [] });

  constructor() {
    super();
    new RecordsWatch(this, () => void this.patients.run());
  }

  override render() {
    return this.patients.render({
      error: (e) => html`<p class="error" role="alert">${storageErrorMessage(e)}</p>`,
      complete: (list) =>
        list.length
          ? html`<label
              >${msg('Patient')}
              <select name="patient" .value=${this.value} @change=${this.onChange}>
                <option value="">${msg('Choose a patient…')}</option>
                ${list.map(
                  (p) =>
                    html`<option value=${p.id} ?selected=${p.id === this.value}>
                      ${p.name ? msg(str`${p.code} (${p.name})`) : p.code}
                    </option>`,
                )}
              </select>
            </label>`
          : html`<p>
              ${msg('Add a patient first, on the Patients screen.')} <a href="#/patients">${msg('Patients')}</a>
            </p>`,
    });
  }

  private onChange(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(
      new CustomEvent('resmo-patient-selected', { detail: { patientId: this.value }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-patient-selected': PatientSelectedEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-patient-picker': ResmoPatientPicker;
  }
}
