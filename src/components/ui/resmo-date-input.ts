import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { getLocale } from '../../i18n/localization.js';
import { dateFieldOrder, monthNames, toIsoDate, type DateField } from '../../i18n/date-fields.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/**
 * A calendar date typed as day, month and year in the order of the app's language (Spanish:
 * day month year; English: month day year). The browser's own date input follows the browser's
 * language instead, so a Spanish app on an English tablet would ask month first. Form-associated:
 * the form sees `name` = YYYY-MM-DD (or empty).
 */
@customElement('resmo-date-input')
@localized()
export class ResmoDateInput extends LitElement {
  static formAssociated = true;
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      .fields {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      label {
        display: grid;
        gap: 0.15rem;
        font-size: 0.9rem;
      }
      input,
      select {
        font: inherit;
        min-height: 44px;
        padding: 0 0.5rem;
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
        background: var(--resmo-surface);
        color: inherit;
      }
      input {
        width: 5.5rem;
      }
      :is(input, select):focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  @property({ reflect: true }) name = '';
  @property() label = '';
  @property({ type: Boolean }) required = false;
  /** YYYY-MM-DD shown after a form reset; empty for none. */
  @property() defaultValue = '';
  @state() private parts = { day: '', month: '', year: '' };
  private readonly internals = this.attachInternals();

  get value(): string {
    return toIsoDate(this.parts) ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.formResetCallback();
  }

  formResetCallback(): void {
    const [year = '', month = '', day = ''] = this.defaultValue ? this.defaultValue.split('-') : [];
    this.parts = { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
    this.sync();
  }

  override render() {
    return html`<fieldset>
      <legend>${this.label}</legend>
      <div class="fields">${dateFieldOrder(getLocale()).map((f) => this.renderField(f))}</div>
    </fieldset>`;
  }

  private renderField(field: DateField) {
    if (field === 'month')
      return html`<label
        >${msg('Month')}
        <select .value=${this.parts.month} @change=${(e: Event) => this.set('month', e)}>
          <option value=""></option>
          ${monthNames(getLocale()).map(
            (name, i) =>
              html`<option value=${String(i + 1)} ?selected=${this.parts.month === String(i + 1)}>${name}</option>`,
          )}
        </select></label
      >`;
    const label = field === 'day' ? msg('Day') : msg('Year');
    return html`<label
      >${label}
      <input
        inputmode="numeric"
        autocomplete="off"
        maxlength=${field === 'day' ? 2 : 4}
        .value=${this.parts[field]}
        @input=${(e: Event) => this.set(field, e)}
    /></label>`;
  }

  private set(field: DateField, event: Event): void {
    this.parts = { ...this.parts, [field]: (event.target as HTMLInputElement | HTMLSelectElement).value.trim() };
    this.sync();
  }

  private sync(): void {
    const value = this.value;
    const empty = !this.parts.day && !this.parts.month && !this.parts.year;
    this.internals.setFormValue(value);
    if (value || (empty && !this.required)) this.internals.setValidity({});
    else if (empty) this.internals.setValidity({ valueMissing: true }, msg('Enter a date.'));
    else this.internals.setValidity({ badInput: true }, msg('This date does not exist. Check day, month and year.'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-date-input': ResmoDateInput;
  }
}
