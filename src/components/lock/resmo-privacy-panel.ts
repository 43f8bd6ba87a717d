import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  changeVaultPassphrase,
  lockVault,
  myClinician,
  vaultEvents,
  vaultStatus,
  type VaultStatus,
} from '../../storage/index.js';
import { syncView } from '../../controllers/sync-runner.js';
import { recordingActivity } from '../../platform/activity.js';
import { loadIdleMinutes, saveIdleMinutes } from '../../platform/lock-settings.js';
import { formStyles } from '../../styles/form-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { lockFormStyles } from '../../styles/lock-styles.js';
import { readNewPassphrase, unlockErrorMessage } from '../../i18n/lock-messages.js';
import './resmo-new-passphrase.js';
import './resmo-privacy-facts.js';
import './resmo-vault-setup.js';

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;

/** Settings: turn encryption on, lock, the idle time, the passphrase, and what it all protects. */
@customElement('resmo-privacy-panel')
@localized()
export class ResmoPrivacyPanel extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    lockFormStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: end;
        margin-block: 1rem;
      }
      h3 {
        margin-top: 1.25rem;
      }
    `,
  ];

  @state() private status: VaultStatus | null = null;
  /** Keeps the setup on screen until the recovery words were confirmed. */
  @state() private settingUp = false;
  @state() private idleMinutes = loadIdleMinutes();
  @state() private message = '';
  @state() private error = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    vaultEvents.addEventListener('change', this.refresh);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    vaultEvents.removeEventListener('change', this.refresh);
  }

  private readonly refresh = async (): Promise<void> => {
    this.status = await vaultStatus();
    if (this.status === 'off') this.settingUp = true;
  };

  override render() {
    return html`<section class="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">${msg('Privacy and encryption')}</h2>
      ${this.status === 'off' || this.settingUp ? this.renderSetup() : nothing}
      ${this.status === 'unlocked' && !this.settingUp ? this.renderOn() : nothing}
      <resmo-privacy-facts></resmo-privacy-facts>
    </section>`;
  }

  private renderSetup() {
    // One template whether or not the intro shows, so the setup element (and its words) survives.
    return html`${this.status === 'off' ? this.renderIntro() : nothing}
      <resmo-vault-setup
        ?disabled=${recordingActivity.active}
        @resmo-vault-ready=${() => (this.settingUp = false)}
      ></resmo-vault-setup>`;
  }

  private renderIntro() {
    return html`<p class="notice">
        ${msg('The records on this device are not encrypted. Anyone who gets hold of the device can read them.')}
      </p>
      <p class="purpose">
        ${msg(
          'Set a passphrase to encrypt every patient record on this device, including those already here. You will type it when you open Resmo and after it locks.',
        )}
      </p>
      ${
        recordingActivity.active
          ? html`<p class="notice">${msg('Finish the recording first, then turn on encryption.')}</p>`
          : nothing
      }`;
  }

  private renderOn() {
    return html`<p>${msg('The records on this device are encrypted.')}</p>
      <div class="row">
        <div>
          <label for="idle">${msg('Lock after this long without use')}</label>
          <select id="idle" @change=${this.changeIdle}>
            ${IDLE_CHOICES.map(
              (m) => html`<option value=${m} ?selected=${m === this.idleMinutes}>${msg(str`${m} min`)}</option>`,
            )}
          </select>
        </div>
        <button type="button" @click=${lockVault}>${msg('Lock now')}</button>
      </div>
      <h3>${msg('Change the passphrase')}</h3>
      <form @submit=${this.changePassphrase}>
        <label
          >${msg('Current passphrase')}
          <input name="current" type="password" autocomplete="current-password" required />
        </label>
        <resmo-new-passphrase name="next" repeat-label=${msg('Repeat the new passphrase')}></resmo-new-passphrase>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${msg('Change the passphrase')}</button>
        </div>
        ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </form>`;
  }

  private changeIdle(event: Event): void {
    this.idleMinutes = Number((event.target as HTMLSelectElement).value);
    saveIdleMinutes(this.idleMinutes);
  }

  private async changePassphrase(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const { passphrase: next, problem } = readNewPassphrase(data, 'next');
    this.message = '';
    this.error = problem ?? '';
    if (problem) return;
    this.busy = true;
    try {
      await changeVaultPassphrase({ passphrase: String(data.get('current') ?? '') }, next);
      form.reset();
      const synced = syncView().mode === 'on' && (await myClinician()) !== null;
      this.message = synced
        ? msg(
            'The passphrase was changed. The old one no longer opens the records. Your other devices take the new one at their next sync.',
          )
        : msg('The passphrase was changed. The old one no longer opens the records.');
    } catch (error) {
      this.error = unlockErrorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-privacy-panel': ResmoPrivacyPanel;
  }
}
