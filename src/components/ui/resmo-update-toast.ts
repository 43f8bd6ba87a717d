import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';

/** "A new version is ready": the user decides when to reload; a running recording keeps the reload waiting. */
@customElement('resmo-update-toast')
@localized()
export class ResmoUpdateToast extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        inset: auto 1rem 1rem auto;
        z-index: 10;
        max-width: min(28rem, calc(100vw - 2rem));
      }
      .toast {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
        background: var(--resmo-ink);
        color: #fff;
        border-radius: var(--resmo-radius);
        padding: 0.75rem 1rem;
        box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
      }
      p {
        margin: 0;
        flex: 1 1 12rem;
      }
    `,
  ];

  /** While true, reloading would interrupt a recording, so the toast says so and waits. */
  @property({ type: Boolean }) recording = false;

  override render() {
    return html`<div class="toast" role="status">
      <p>
        ${
          this.recording
            ? msg('A new version is ready. It will load when the recording ends.')
            : msg('A new version is ready: reload')
        }
      </p>
      <button class="primary" ?disabled=${this.recording} @click=${this.reload}>${msg('Reload')}</button>
      <button @click=${this.dismiss}>${msg('Later')}</button>
    </div>`;
  }

  private reload(): void {
    this.dispatchEvent(new Event('resmo-update-accept', { bubbles: true, composed: true }));
  }

  private dismiss(): void {
    this.dispatchEvent(new Event('resmo-update-dismiss', { bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-update-accept': Event;
    'resmo-update-dismiss': Event;
  }
  interface HTMLElementTagNameMap {
    'resmo-update-toast': ResmoUpdateToast;
  }
}
