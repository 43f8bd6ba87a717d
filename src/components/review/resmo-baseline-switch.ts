import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';
import { formatDateTime } from '../../i18n/format.js';

export type BaselineModeEvent = CustomEvent<{ adjusted: boolean }>;

/** Caption for every chart and table: which readings it shows. */
export function modeText(adjusted: boolean, recordedAt: number | null): string {
  if (!adjusted || recordedAt === null) return msg('Raw readings');
  const when = formatDateTime(recordedAt);
  return msg(str`Relative to the resting face (baseline of ${when})`);
}

/** Raw readings or relative to the patient's resting face; only offered when a baseline exists. */
@customElement('resmo-baseline-switch')
@localized()
export class ResmoBaselineSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
        padding: 0.25rem 0.75rem 0.5rem;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
      }
      legend {
        font-weight: 600;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        min-height: 44px;
      }
    `,
  ];

  @property({ type: Boolean }) adjusted = false;

  override render() {
    return html`<fieldset>
      <legend>${msg('Readings')}</legend>
      ${this.option(false, msg('Raw'))} ${this.option(true, msg('Relative to the resting face'))}
    </fieldset>`;
  }

  private option(adjusted: boolean, label: string) {
    return html`<label
      ><input type="radio" name="mode" .checked=${this.adjusted === adjusted} @change=${() => this.choose(adjusted)} />
      ${label}</label
    >`;
  }

  private choose(adjusted: boolean): void {
    this.dispatchEvent(new CustomEvent('resmo-baseline-mode', { detail: { adjusted }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-baseline-switch': ResmoBaselineSwitch;
  }
  interface GlobalEventHandlersEventMap {
    'resmo-baseline-mode': BaselineModeEvent;
  }
}
