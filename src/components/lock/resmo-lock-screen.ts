import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { changeVaultPassphrase, unlockVault, unlockVaultWithRecovery, vaultMeta } from '../../storage/index.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { lockFormStyles } from '../../styles/lock-styles.js';
import { readNewPassphrase, unlockErrorMessage } from '../../i18n/lock-messages.js';
import './resmo-new-passphrase.js';

type Mode = 'passphrase' | 'recovery';

/** When another of this clinician's devices last gave this one a new passphrase, if ever. */
async function changedElsewhereAt(): Promise<number | null> {
  const meta = await vaultMeta().catch(() => undefined);
  return meta?.v === 2 ? (meta.passphraseChangedElsewhereAt ?? null) : null;
}

/**
 * The lock screen: asks for the passphrase (or the recovery words and a new passphrase). When
 * `covered`, a recording runs behind it: it says so, and the recording goes on meanwhile.
 */
@customElement('resmo-lock-screen')
@localized()
export class ResmoLockScreen extends LitElement {
  static override styles = [
    sharedStyles,
    lockFormStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
      }
      .card {
        max-width: 34rem;
        margin: 2rem auto;
      }
    `,
  ];

  /** True while a recording goes on behind the lock. */
  @property({ type: Boolean }) covered = false;
  @state() private mode: Mode = 'passphrase';
  @state() private busy = false;
  @state() private sealed = 0;
  @state() private error = '';

  override render() {
    return html`<section class="card" aria-labelledby="lock-title">
      <h1 id="lock-title">${this.covered ? msg('Screen locked, recording continues') : msg('Records locked')}</h1>
      <p class="purpose">
        ${
          this.covered
            ? msg(
                'The recording goes on and keeps every second. The records lock completely when the recording ends. Unlock to see the consultation again.',
              )
            : msg('The patient records on this device are encrypted. Enter your passphrase to open them.')
        }
      </p>
      ${this.mode === 'passphrase' ? this.renderPassphrase() : this.renderRecovery()}
      ${this.busy ? html`<p role="status">${this.progress()}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }

  private progress() {
    return this.sealed > 0 ? msg(str`Encrypting earlier records: ${this.sealed} done`) : msg('Opening the records…');
  }

  private renderPassphrase() {
    return html`<form @submit=${this.submitPassphrase}>
      <label
        >${msg('Passphrase')}
        <input name="passphrase" type="password" autocomplete="current-password" required autofocus />
      </label>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${msg('Unlock')}</button>
        <button class="link" type="button" @click=${() => this.switchTo('recovery')}>
          ${msg('I forgot it: use the recovery key')}
        </button>
      </div>
    </form>`;
  }

  private renderRecovery() {
    return html`<form @submit=${this.submitRecovery}>
      <label
        >${msg('Recovery key (12 words, in English or Spanish)')}
        <textarea name="recovery" rows="3" autocomplete="off" spellcheck="false" required></textarea>
      </label>
      <resmo-new-passphrase name="next" repeat-label=${msg('Repeat the new passphrase')}></resmo-new-passphrase>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${msg('Set passphrase and unlock')}</button>
        <button class="link" type="button" @click=${() => this.switchTo('passphrase')}>
          ${msg('Use the passphrase')}
        </button>
      </div>
    </form>`;
  }

  private switchTo(mode: Mode): void {
    this.mode = mode;
    this.error = '';
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (error) {
      this.error = unlockErrorMessage(error, await changedElsewhereAt());
    } finally {
      this.busy = false;
    }
  }

  private readonly onProgress = (sealed: number): void => {
    this.sealed = sealed;
  };

  private submitPassphrase(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void this.run(() => unlockVault(String(data.get('passphrase') ?? ''), this.onProgress));
  }

  private submitRecovery(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const recovery = String(data.get('recovery') ?? '');
    const { passphrase: next, problem } = readNewPassphrase(data, 'next');
    if (problem) {
      this.error = problem;
      return;
    }
    void this.run(async () => {
      await unlockVaultWithRecovery(recovery, this.onProgress);
      await changeVaultPassphrase({ recovery }, next);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-lock-screen': ResmoLockScreen;
  }
}
