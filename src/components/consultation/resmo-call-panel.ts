import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { TapMode } from '../../controllers/call-source.js';
import type { DisplayStatus, DisplaySurface } from '../../controllers/display-capture.js';
import { sharedStyles } from '../../styles/shared-styles.js';

export type TapModeEvent = CustomEvent<{ mode: TapMode }>;

/**
 * The state of the shared call window: the "reading" indicator while it is read, what a tap on a
 * face does, and, when sharing ended, the way to continue the same session.
 */
@customElement('resmo-call-panel')
@localized()
export class ResmoCallPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-block: 0.5rem;
      }
      .reading {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 600;
        margin: 0;
      }
      .dot {
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 50%;
        background: #c62828;
        flex: none;
      }
      .label {
        font-weight: 400;
        overflow-wrap: anywhere;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 0.5rem 0 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      legend {
        font-size: 0.9rem;
        font-weight: 600;
      }
      fieldset label {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        min-height: 44px;
      }
    `,
  ];

  @property() status: DisplayStatus = 'idle';
  @property() surface: DisplaySurface = 'unknown';
  @property() tapMode: TapMode = 'patient';

  override render() {
    switch (this.status) {
      case 'live':
        return this.renderLive();
      case 'ended':
        return html`<div class="notice" role="alert">
          <p>
            <strong>${msg('Resmo is no longer reading the call window: sharing ended.')}</strong>
            ${msg(
              'The recording is paused and everything recorded is saved. The time until you share again is kept without readings.',
            )}
          </p>
          <button class="primary share-again" @click=${this.shareAgain}>${msg('Share again')}</button>
        </div>`;
      case 'refused':
        return html`<div class="notice" role="alert">
          ${msg('The call window was not shared. Press "Share the call window" and choose the window or tab of the call.')}
        </div>`;
      default:
        return nothing;
    }
  }

  private renderLive() {
    const mode = (value: TapMode, text: string) =>
      html`<label
        ><input
          type="radio"
          name="tap"
          .checked=${this.tapMode === value}
          @change=${() => this.emit(value)}
        />${text}</label
      >`;
    return html`
      <p class="reading" role="status">
        <span class="dot" aria-hidden="true"></span>
        <span>${msg('Reading the call window')} <span class="label">${this.surfaceText()}</span></span>
      </p>
      <fieldset>
        <legend>${msg('A tap on a face in the call')}</legend>
        ${mode('patient', msg('chooses the patient'))} ${mode('ignore', msg('ignores that face (your own view)'))}
      </fieldset>
    `;
  }

  private surfaceText(): string {
    switch (this.surface) {
      case 'browser':
        return msg('(a browser tab)');
      case 'window':
        return msg('(a window)');
      case 'monitor':
        return msg('(the whole screen)');
      case 'unknown':
        return '';
    }
  }

  private emit(mode: TapMode): void {
    this.dispatchEvent(new CustomEvent('resmo-tap-mode', { detail: { mode }, bubbles: true, composed: true }));
  }

  private shareAgain(): void {
    this.dispatchEvent(new CustomEvent('resmo-share-again', { bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-tap-mode': TapModeEvent;
    'resmo-share-again': CustomEvent<null>;
  }
  interface HTMLElementTagNameMap {
    'resmo-call-panel': ResmoCallPanel;
  }
}
