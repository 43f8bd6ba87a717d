import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { markFirstRunDone } from '../../platform/first-run.js';
import { formatCount } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import './resmo-privacy-summary.js';
import './resmo-install-help.js';
import './resmo-language-choice.js';
import '../lock/resmo-privacy-facts.js';
import '../lock/resmo-vault-setup.js';

const STEPS = 3;

/**
 * The first-run welcome, shown before any patient data can be written: what Resmo keeps and
 * where, how to install it, then a passphrase that encrypts the records (records already on the
 * device are encrypted in the same pass). The last step cannot be skipped.
 */
@customElement('resmo-welcome')
@localized()
export class ResmoWelcome extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .card {
        max-width: 52rem;
        margin: 0 auto;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      .step {
        color: var(--resmo-muted);
        margin: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: space-between;
        margin-top: 1.25rem;
      }
      .actions .primary {
        margin-inline-start: auto;
      }
    `,
  ];

  @state() private step = 1;
  @query('h1') private heading!: HTMLHeadingElement;

  override render() {
    return html`<div class="card">
      <div class="top">
        <p class="step">${msg(str`Step ${formatCount(this.step)} of ${formatCount(STEPS)}`)}</p>
        <resmo-language-choice></resmo-language-choice>
      </div>
      ${this.renderStep()}
    </div>`;
  }

  private renderStep() {
    switch (this.step) {
      case 1:
        return html`<h1 tabindex="-1">${msg('Welcome to Resmo')}</h1>
          <p class="purpose">
            ${msg('Resmo shows how a patient’s facial expression moves during a consultation. Before you start:')}
          </p>
          <resmo-privacy-summary></resmo-privacy-summary>
          ${this.nav()}`;
      case 2:
        return html`<h1 tabindex="-1">${msg('Install it on this device')}</h1>
          <resmo-install-help heading-level="2"></resmo-install-help>
          ${this.nav()}`;
      default:
        return html`<h1 tabindex="-1">${msg('Protect the records with a passphrase')}</h1>
          <p class="purpose">
            ${msg(
              'Every patient record on this device is encrypted with a passphrase that only you know. You type it when you open Resmo and after it locks. This step is needed before the first patient.',
            )}
          </p>
          <resmo-vault-setup heading-level="2" @resmo-vault-ready=${this.finish}></resmo-vault-setup>
          <resmo-privacy-facts heading-level="2"></resmo-privacy-facts>
          <div class="actions"><button type="button" @click=${() => this.go(-1)}>${msg('Back')}</button></div>`;
    }
  }

  private nav() {
    return html`<div class="actions">
      ${this.step > 1 ? html`<button type="button" @click=${() => this.go(-1)}>${msg('Back')}</button>` : ''}
      <button type="button" class="primary next" @click=${() => this.go(1)}>${msg('Next')}</button>
    </div>`;
  }

  private async go(delta: number): Promise<void> {
    this.step = Math.min(STEPS, Math.max(1, this.step + delta));
    await this.updateComplete;
    this.heading?.focus();
  }

  private finish(): void {
    markFirstRunDone();
    this.dispatchEvent(new Event('resmo-first-run-done', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-welcome': ResmoWelcome;
  }
  interface GlobalEventHandlersEventMap {
    'resmo-first-run-done': Event;
  }
}
