import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { deletePatient, listPatients, setPatientArchived, type Patient } from '../../storage/index.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { ResmoPatientDialog } from './resmo-patient-dialog.js';
import type { ResmoConfirmDialog } from '../ui/resmo-confirm-dialog.js';
import './resmo-patient-dialog.js';
import '../ui/resmo-confirm-dialog.js';
import './resmo-import-button.js';
import '../ui/resmo-interrupted-sessions.js';
import { withDeletionReach } from '../../i18n/deletion-reach.js';
import { RecordsWatch } from '../../controllers/records-watch.js';

/** The patient list: search, create, edit, archive, delete, and import of exported files. */
@customElement('resmo-patients-view')
@localized()
export class ResmoPatientsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      .search {
        display: grid;
        gap: 0.25rem;
        flex: 1 1 16rem;
      }
      input[type='search'] {
        font: inherit;
        min-height: 44px;
        padding: 0 0.6rem;
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .who {
        flex: 1 1 14rem;
      }
      .code {
        font-weight: 700;
        font-size: 1.05rem;
      }
      .meta {
        color: var(--resmo-muted);
      }
      .badge {
        border: 1px solid var(--resmo-muted);
        border-radius: 999px;
        padding: 0 0.5rem;
        font-size: 0.85rem;
      }
      :is(button, input, a):focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  @state() private query = '';
  @state() private showArchived = false;
  @state() private error = '';
  @query('resmo-patient-dialog') private patientDialog!: ResmoPatientDialog;
  @query('resmo-confirm-dialog') private confirmDialog!: ResmoConfirmDialog;

  private readonly patients = new Task(this, {
    task: ([text, includeArchived]) => listPatients({ text, includeArchived }),
    args: () => [this.query, this.showArchived] as const,
  });

  constructor() {
    super();
    new RecordsWatch(this, () => this.refresh());
  }

  override render() {
    return html`
      <h1>${msg('Patients')}</h1>
      <resmo-interrupted-sessions></resmo-interrupted-sessions>
      <div class="toolbar">
        <label class="search"
          >${msg('Search by code or name')}
          <input type="search" .value=${this.query} @input=${this.onSearch} />
        </label>
        <label
          ><input type="checkbox" .checked=${this.showArchived} @change=${this.onShowArchived} />
          ${msg('Show archived')}</label
        >
        <button class="primary" @click=${() => this.patientDialog.open()}>${msg('New patient')}</button>
        <resmo-import-button @resmo-imported=${this.refresh}></resmo-import-button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.patients.render({
        // A reload (a search, or records from another device) keeps the list on screen until it is in.
        pending: () =>
          this.patients.value ? this.renderList(this.patients.value) : html`<p>${msg('Loading patients…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${storageErrorMessage(e)}</p>`,
        complete: (list) => this.renderList(list),
      })}
      <resmo-patient-dialog @resmo-patient-saved=${this.refresh}></resmo-patient-dialog>
      <resmo-confirm-dialog></resmo-confirm-dialog>
    `;
  }

  private renderList(list: Patient[]) {
    if (list.length === 0) {
      return html`<p>${this.query ? msg('No patient matches this search.') : msg('No patients yet.')}</p>`;
    }
    return html`<ul aria-label=${msg('Patients')}>
      ${list.map((p) => this.renderPatient(p))}
    </ul>`;
  }

  private renderPatient(p: Patient) {
    return html`<li class="card" data-patient-id=${p.id}>
      <div class="who">
        <a class="code" href="#/patients/${encodeURIComponent(p.id)}">${p.code}</a>
        ${p.name ? html`<span>${p.name}</span>` : nothing}
        ${p.birthDate ? html`<span class="meta">${msg(str`born ${formatCalendarDate(p.birthDate)}`)}</span>` : nothing}
        ${p.archived ? html`<span class="badge">${msg('Archived')}</span>` : nothing}
      </div>
      <button @click=${() => this.patientDialog.open(p)} aria-label=${msg(str`Edit ${p.code}`)}>${msg('Edit')}</button>
      <button
        @click=${() => this.archive(p)}
        aria-label=${p.archived ? msg(str`Restore ${p.code}`) : msg(str`Archive ${p.code}`)}
      >
        ${p.archived ? msg('Restore') : msg('Archive')}
      </button>
      <button class="danger" @click=${() => this.confirmDelete(p)} aria-label=${msg(str`Delete ${p.code}`)}>
        ${msg('Delete')}
      </button>
    </li>`;
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private onShowArchived(event: Event): void {
    this.showArchived = (event.target as HTMLInputElement).checked;
  }

  private refresh(): void {
    void this.patients.run();
  }

  private async archive(p: Patient): Promise<void> {
    await this.guard(() => setPatientArchived(p.id, !p.archived));
  }

  private async confirmDelete(p: Patient): Promise<void> {
    const confirmed = await this.confirmDialog.ask({
      title: msg(str`Delete ${p.code}?`),
      message: withDeletionReach(
        msg(
          'This deletes the patient and all their sessions from this device. It cannot be undone. Export first if you need a copy.',
        ),
      ),
      confirmLabel: msg('Delete patient'),
    });
    if (confirmed) await this.guard(() => deletePatient(p.id));
  }

  /** Runs a change, shows a failure as a message, and reloads the list either way. */
  private async guard(change: () => Promise<unknown>): Promise<void> {
    this.error = '';
    try {
      await change();
    } catch (error) {
      this.error = storageErrorMessage(error);
    }
    this.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-patients-view': ResmoPatientsView;
  }
}
