import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  addClinicianHere,
  listClinicians,
  removeClinician,
  setUpMyKeys,
  type ClinicianList,
  type ClinicianRow,
} from '../../controllers/clinicians.js';
import { syncEvents } from '../../controllers/sync-runner.js';
import { clinicianErrorMessage, rotationText, unnamedClinician } from '../../i18n/clinician-messages.js';
import { readNewPassphrase } from '../../i18n/lock-messages.js';
import { getLocale } from '../../i18n/localization.js';
import { lockFormStyles } from '../../styles/lock-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { cliniciansStyles } from '../../styles/clinicians-styles.js';
import '../lock/resmo-new-passphrase.js';
import { EventWatch } from '../../controllers/event-watch.js';

type Mode =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'remove'; row: ClinicianRow }
  | { kind: 'words'; name: string; words: string[] };

/** Settings › Sync › Clinicians: each clinician opens the clinic's records with their own passphrase. */
@customElement('resmo-clinicians')
@localized()
export class ResmoClinicians extends LitElement {
  static override styles = [sharedStyles, lockFormStyles, cliniciansStyles];

  @state() private list: ClinicianList | null = null;
  @state() private mode: Mode = { kind: 'list' };
  @state() private busy = false;
  @state() private progress = '';
  @state() private error = '';

  constructor() {
    super();
    new EventWatch(this, syncEvents, 'change', () => this.refresh(), { atConnect: true });
  }

  private readonly refresh = (): void => {
    if (this.busy) return;
    listClinicians().then(
      (list) => (this.list = list),
      () => undefined,
    );
  };

  override render() {
    if (!this.list) return nothing;
    return html`<section aria-labelledby="clinicians-title">
      <h3 id="clinicians-title">${msg('Clinicians')}</h3>
      ${this.body(this.list)} ${this.progress ? html`<p role="status">${this.progress}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private body(list: ClinicianList) {
    if (this.mode.kind === 'words') return this.renderWords(this.mode.name, this.mode.words);
    if (!list.haveOwnKeys) return this.renderSetUp();
    if (this.mode.kind === 'add') return this.renderAdd();
    if (this.mode.kind === 'remove') return this.renderRemove(this.mode.row);
    return html`<p>${msg("Each clinician opens the clinic's records with their own passphrase.")}</p>
      <ul class="clinicians">
        ${list.rows.map(
          (row) =>
            html`<li>
              <span
                >${row.name ?? unnamedClinician()}${row.me ? html` <strong>${msg('(you)')}</strong>` : nothing}</span
              >
              ${
                row.me
                  ? nothing
                  : html`<button type="button" @click=${() => this.show({ kind: 'remove', row })}>
                      ${msg(str`Remove ${row.name ?? unnamedClinician()}`)}
                    </button>`
              }
            </li>`,
        )}
      </ul>
      <button type="button" @click=${() => this.show({ kind: 'add' })}>${msg('Add a clinician')}</button>`;
  }

  private renderSetUp() {
    return html`<form @submit=${this.setUp}>
      <p>
        ${msg(
          "This device opens the clinic's records with the passphrase the clinic shares. To give each clinician a passphrase of their own, start with yourself: your name and the passphrase you use now.",
        )}
      </p>
      <label>${msg('Your name')} <input name="name" required maxlength="80" autocomplete="name" /></label>
      <label
        >${msg('Your passphrase')}
        <input name="mine" type="password" required autocomplete="current-password" />
      </label>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Set up my own keys')}</button>
      </div>
    </form>`;
  }

  private renderAdd() {
    return html`<form @submit=${this.add}>
      <p>${msg('The new clinician types their own passphrase here, then you confirm with yours.')}</p>
      <label>${msg('Their name')} <input name="name" required maxlength="80" autocomplete="off" /></label>
      <resmo-new-passphrase
        name="theirs"
        label=${msg('Their passphrase')}
        repeat-label=${msg('Their passphrase again')}
      ></resmo-new-passphrase>
      <label
        >${msg('Your passphrase, to confirm')}
        <input name="mine" type="password" required autocomplete="current-password" />
      </label>
      <div class="actions">
        <button type="button" @click=${() => this.show({ kind: 'list' })}>${msg('Cancel')}</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Add clinician')}</button>
      </div>
    </form>`;
  }

  private renderRemove(row: ClinicianRow) {
    const name = row.name ?? unnamedClinician();
    return html`<div class="notice" role="group" aria-label=${msg(str`Remove ${name}`)}>
      <p><strong>${msg(str`Remove ${name} from the clinic?`)}</strong></p>
      <p>
        ${msg(
          "First ask whoever runs the clinic's server to close their account there. Then Resmo makes a new clinic key for new records and gives it to everyone else.",
        )}
      </p>
      <p>
        ${msg(
          'The new key protects what is written from now on. What they already took stays readable to them: records from before, on any device of theirs that still holds them.',
        )}
      </p>
      <div class="actions">
        <button type="button" @click=${() => this.show({ kind: 'list' })} ?disabled=${this.busy}>
          ${msg('Cancel')}
        </button>
        <button type="button" class="danger" @click=${() => this.removeOne(row)} ?disabled=${this.busy}>
          ${msg('Remove and make a new key')}
        </button>
      </div>
    </div>`;
  }

  private renderWords(name: string, words: string[]) {
    return html`<div class="notice" role="status">
        <p><strong>${msg(str`Recovery key for ${name}`)}</strong></p>
        <p>
          ${msg(
            str`Write these 12 words on paper and keep them away from the device: they are shown only this once. With them, ${name} can set a new passphrase if the passphrase is forgotten.`,
          )}
        </p>
      </div>
      <ol class="words" aria-label=${msg('Recovery key')}>
        ${words.map((word) => html`<li>${word}</li>`)}
      </ol>
      <button class="primary" type="button" @click=${() => this.show({ kind: 'list' })}>
        ${msg('The words are written down')}
      </button>`;
  }

  private show(mode: Mode): void {
    this.mode = mode;
    this.error = '';
    this.progress = '';
    this.refresh();
  }

  private async run(work: () => Promise<Mode>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.mode = await work();
    } catch (error) {
      this.error = clinicianErrorMessage(error);
    } finally {
      this.busy = false;
      this.refresh();
    }
  }

  private language() {
    return getLocale() === 'es' ? ('es' as const) : ('en' as const);
  }

  private setUp(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const name = String(data.get('name') ?? '').trim();
    const mine = String(data.get('mine') ?? '');
    return this.run(async () => ({
      kind: 'words',
      name,
      words: (await setUpMyKeys(name, mine, this.language())).split(' '),
    }));
  }

  private add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const { passphrase, problem } = readNewPassphrase(data, 'theirs');
    if (problem) return Promise.resolve(void (this.error = problem));
    const name = String(data.get('name') ?? '').trim();
    const mine = String(data.get('mine') ?? '');
    return this.run(async () => ({
      kind: 'words',
      name,
      words: (await addClinicianHere(name, passphrase, mine, this.language())).split(' '),
    }));
  }

  private removeOne(row: ClinicianRow): Promise<void> {
    return this.run(async () => {
      await removeClinician(row.id, (step) => (this.progress = rotationText(step)));
      return { kind: 'list' };
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-clinicians': ResmoClinicians;
  }
}
