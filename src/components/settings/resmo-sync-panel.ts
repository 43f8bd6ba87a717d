import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import {
  joinClinic,
  syncEvents,
  syncNow,
  syncView,
  turnOffSync,
  turnOnSync,
  type SyncView,
} from '../../controllers/sync-runner.js';
import {
  lastSyncedText,
  notesJoinedText,
  syncErrorMessage,
  syncProblemMessage,
  syncStateText,
  waitingText,
} from '../../i18n/sync-messages.js';
import { lockFormStyles } from '../../styles/lock-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import './resmo-clinicians.js';
import { EventWatch } from '../../controllers/event-watch.js';

/** Settings: share this device's records with the clinic's other devices through the clinic's server. */
@customElement('resmo-sync-panel')
@localized()
export class ResmoSyncPanel extends LitElement {
  static override styles = [
    sharedStyles,
    lockFormStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .sync-state > * {
        display: block;
      }
      .notes-joined {
        max-width: 70ch;
      }
      @media (max-width: 26rem) {
        dl {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @state() private view: SyncView = syncView();
  @state() private error = '';
  @state() private busy = false;

  constructor() {
    super();
    new EventWatch(this, syncEvents, 'change', () => this.refresh(), { atConnect: true });
  }

  private readonly refresh = (): void => {
    this.view = syncView();
  };

  override render() {
    return html`<section class="card" aria-labelledby="sync-title">
      <h2 id="sync-title">${msg('Sync between devices')}</h2>
      <p class="purpose">
        ${msg(
          "Optional. Keeps this clinic's devices up to date through the clinic's own server. Records are locked on this device before they leave: the server never sees names, notes or readings.",
        )}
      </p>
      ${this.view.mode === 'off' ? this.renderOff() : nothing}
      ${this.view.mode === 'join' ? this.renderJoin() : nothing}
      ${this.view.mode === 'on' ? this.renderOn(this.view) : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private renderOff() {
    return html`<form @submit=${this.turnOn}>
      <label
        >${msg('Server address')}
        <input name="url" type="url" required autocomplete="url" spellcheck="false" />
      </label>
      <label
        >${msg('Account name')}
        <input name="account" required autocomplete="username" spellcheck="false" />
      </label>
      <label
        >${msg('Account password')}
        <input name="password" type="password" required autocomplete="current-password" />
      </label>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Turn on sync')}</button>
      </div>
    </form>`;
  }

  private renderJoin() {
    return html`<form @submit=${this.join}>
      <p>
        ${msg(
          "This clinic's records are locked with a passphrase. Enter your clinic passphrase to open them on this device.",
        )}
      </p>
      <label
        >${msg('Clinic passphrase')}
        <input name="passphrase" type="password" required autocomplete="current-password" />
      </label>
      <div class="actions">
        <button type="button" @click=${this.turnOff} ?disabled=${this.busy}>${msg('Cancel')}</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Open the clinic records')}</button>
      </div>
    </form>`;
  }

  private renderOn(view: Extract<SyncView, { mode: 'on' }>) {
    const { status } = view;
    return html`<dl>
        <dt>${msg('Server')}</dt>
        <dd>${view.url}</dd>
        <dt>${msg('Account')}</dt>
        <dd>${view.account}</dd>
      </dl>
      <p role="status" class="sync-state">
        <strong>${syncStateText(status)}</strong>
        <span>${lastSyncedText(status.lastSyncedAt)}</span>
        <span>${waitingText(status.waiting)}</span>
      </p>
      ${status.problem ? html`<p class="error" role="alert">${syncProblemMessage(status.problem)}</p>` : nothing}
      ${status.notesJoined ? html`<p class="notice notes-joined">${notesJoinedText(status.notesJoined)}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${syncNow}>${msg('Sync now')}</button>
        <button type="button" @click=${this.turnOff} ?disabled=${this.busy}>${msg('Turn off sync')}</button>
      </div>
      ${
        status.problem === 'own-keys-needed'
          ? // Keys set up here would hold only the old clinic key: a colleague adds this clinician instead.
            nothing
          : html`<resmo-clinicians></resmo-clinicians>`
      }`;
  }

  private async run(work: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (error) {
      this.error = syncErrorMessage(error);
    } finally {
      this.busy = false;
      this.refresh();
    }
  }

  private turnOn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const account = {
      url: text('url').replace(/\/+$/, ''),
      account: text('account'),
      password: String(data.get('password') ?? ''),
    };
    return this.run(() => turnOnSync(account));
  }

  private join(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const passphrase = String(new FormData(event.target as HTMLFormElement).get('passphrase') ?? '');
    return this.run(() => joinClinic(passphrase));
  }

  private turnOff(): Promise<void> {
    return this.run(() => turnOffSync());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-sync-panel': ResmoSyncPanel;
  }
}
