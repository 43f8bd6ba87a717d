import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { clinicianProblem, loadClinician, saveClinician, type ClinicianDetails } from '../../platform/clinician.js';
import { EHR_LIMITS } from '../../shared/ehr-identifier.js';
import { LIMITS } from '../../shared/text-rules.js';
import { dialogStyles } from '../../styles/dialog-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/** The clinician named in health record (FHIR) exports; optional, kept on this device. */
@customElement('resmo-clinician-panel')
@localized()
export class ResmoClinicianPanel extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      input {
        min-height: 44px;
        box-sizing: border-box;
        width: 100%;
      }
    `,
  ];

  @state() private saved: ClinicianDetails | null = loadClinician();
  @state() private error = '';
  @state() private status = '';
  @query('form') private form!: HTMLFormElement;

  override render() {
    const c = this.saved;
    return html`<section class="card">
      <h2>${msg('Clinician for health record exports')}</h2>
      <p class="purpose">
        ${msg(
          'Optional. When filled in, health record (FHIR) exports name you as the clinician. Kept only on this device.',
        )}
      </p>
      <form @submit=${this.save}>
        <label
          >${msg('Your name')}
          <input name="name" maxlength=${LIMITS.name} autocomplete="name" .defaultValue=${c?.name ?? ''} />
        </label>
        <fieldset>
          <legend>${msg('Professional identifier (optional)')}</legend>
          <label
            >${msg('Identifier system')}
            <span class="hint">${msg('As your health record uses it, for example urn:oid:… or https://…')}</span>
            <input name="system" maxlength=${EHR_LIMITS.system} .defaultValue=${c?.identifier?.system ?? ''} />
          </label>
          <label
            >${msg('Identifier, for example your licence number')}
            <input name="value" maxlength=${EHR_LIMITS.value} .defaultValue=${c?.identifier?.value ?? ''} />
          </label>
        </fieldset>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <p role="status" class="hint">${this.status}</p>
        <div class="actions">
          <button type="button" @click=${this.forget} ?disabled=${!c}>${msg('Remove')}</button>
          <button type="submit" class="primary">${msg('Save')}</button>
        </div>
      </form>
    </section>`;
  }

  private read(): ClinicianDetails {
    const data = new FormData(this.form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const [system, value] = [text('system'), text('value')];
    return { name: text('name'), identifier: system || value ? { system, value } : null };
  }

  private save(event: SubmitEvent): void {
    event.preventDefault();
    const details = this.read();
    const problem = clinicianProblem(details);
    this.status = '';
    this.error = problem ? problemMessage(problem) : '';
    if (problem) return;
    saveClinician(details);
    this.saved = details;
    this.status = msg('Saved.');
  }

  private async forget(): Promise<void> {
    saveClinician(null);
    this.saved = null;
    this.error = '';
    await this.updateComplete;
    this.form.reset();
    this.status = msg('Removed. Exports will not name a clinician.');
  }
}

function problemMessage(problem: NonNullable<ReturnType<typeof clinicianProblem>>): string {
  switch (problem) {
    case 'name':
      return msg('Enter your name as plain text.');
    case 'system':
      return msg(
        'The identifier system must be written as your health record uses it, such as urn:oid:2.16.… or https://….',
      );
    case 'value':
      return msg('Enter the identifier as plain text, or leave both identifier fields empty.');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-clinician-panel': ResmoClinicianPanel;
  }
}
