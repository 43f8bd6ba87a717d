import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { DisplaySupport } from '../../platform/display-support.js';
import type { SessionSource } from '../../storage/index.js';
import { sharedStyles } from '../../styles/shared-styles.js';

export type SourceChangeEvent = CustomEvent<{ source: SessionSource }>;

/** Where the picture comes from: the camera in the room, or a video call on this computer. */
@customElement('resmo-source-picker')
@localized()
export class ResmoSourcePicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      legend {
        font-weight: 600;
        font-size: 0.9rem;
        margin-bottom: 0.25rem;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        min-height: 44px;
        padding-inline: 0.75rem;
        border: 1px solid var(--resmo-border, #b8c4c9);
        border-radius: var(--resmo-radius);
        cursor: pointer;
      }
      label:has(input:checked) {
        border-color: currentColor;
        font-weight: 600;
      }
      .notice {
        margin-top: 0.5rem;
      }
    `,
  ];

  @property() source: SessionSource = 'camera';
  @property() support: DisplaySupport = 'supported';
  /** While a session records, its source cannot change. */
  @property({ type: Boolean }) disabled = false;

  override render() {
    const option = (value: SessionSource, text: string) =>
      html`<label
        ><input
          type="radio"
          name="source"
          value=${value}
          .checked=${this.source === value}
          ?disabled=${this.disabled}
          @change=${() => this.pick(value)}
        />${text}</label
      >`;
    return html`
      <fieldset>
        <legend>${msg('Where is the patient?')}</legend>
        ${option('camera', msg('In the room (camera)'))} ${option('video-call', msg('In a video call'))}
      </fieldset>
      ${this.source === 'video-call' ? this.renderSupport() : nothing}
    `;
  }

  private renderSupport() {
    if (this.support === 'no-display-capture')
      return html`<div class="notice" role="alert">
        ${msg(
          "This browser cannot read a call window (phones and tablets cannot share one). Point this tablet's camera at the patient instead, or open Resmo in Chrome, Edge or Firefox on a computer.",
        )}
      </div>`;
    if (this.support === 'screen-only')
      return html`<div class="notice">
        ${msg(
          'Safari may offer only the whole screen. Resmo then reads the whole screen, and still only the face you tap. Chrome, Edge or Firefox can share just the call window.',
        )}
      </div>`;
    return nothing;
  }

  private pick(source: SessionSource): void {
    this.dispatchEvent(new CustomEvent('resmo-source-change', { detail: { source }, bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-source-change': SourceChangeEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-source-picker': ResmoSourcePicker;
  }
}
