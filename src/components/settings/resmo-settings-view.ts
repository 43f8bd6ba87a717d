import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { applyLocale, getLocale, isLocale, locales, type Locale } from '../../i18n/localization.js';
import { parameterCount } from '../../i18n/counts.js';
import { formStyles } from '../../styles/form-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { termListStyles } from '../../styles/list-styles.js';
import './resmo-display-panel.js';
import './resmo-inference-panel.js';
import './resmo-storage-panel.js';
import './resmo-clinician-panel.js';
import './resmo-sync-panel.js';
import '../lock/resmo-privacy-panel.js';

/** Language, device and about: what a clinic's administrator checks once. */
@customElement('resmo-settings-view')
@localized()
export class ResmoSettingsView extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    termListStyles,
    css`
      section,
      resmo-display-panel,
      resmo-inference-panel,
      resmo-storage-panel,
      resmo-clinician-panel,
      resmo-sync-panel,
      resmo-privacy-panel {
        margin-block: 1rem;
      }
    `,
  ];

  @state() private locale: Locale = getLocale() as Locale;

  /** The shipped model's own description (served from the precache like the model). */
  private readonly model = new Task(this, {
    task: async (_args, { signal }) => {
      const response = await fetch(`${import.meta.env.BASE_URL}models/resmonet/metadata.json`, { signal });
      return (await response.json()) as ModelSummary;
    },
    args: () => [],
  });

  override render() {
    return html`
      <h1>${msg('Settings')}</h1>
      <p class="purpose">
        ${msg(
          'Choose the language, check where the app runs and how much it stores on this device. Nothing here leaves the device unless you turn on sync.',
        )}
      </p>
      <section class="card">
        <h2>${msg('Language')}</h2>
        <label for="language">${msg('Language of the app')}</label>
        <select id="language" @change=${this.onLanguage}>
          ${locales.map(
            (code) => html`<option value=${code} ?selected=${code === this.locale}>${languageName(code)}</option>`,
          )}
        </select>
      </section>
      <resmo-display-panel></resmo-display-panel>
      <resmo-storage-panel></resmo-storage-panel>
      <resmo-clinician-panel></resmo-clinician-panel>
      <p><a href="#/privacy">${msg('Privacy: what Resmo keeps, where, and the patient’s consent text')}</a></p>
      <resmo-privacy-panel id="privacy"></resmo-privacy-panel>
      <resmo-sync-panel id="sync"></resmo-sync-panel>
      <section class="card" id="advanced" aria-labelledby="advanced-title">
        <h2 id="advanced-title">${msg('Advanced')}</h2>
        <p class="purpose">${msg('For technical support: where the analysis runs on this device, and how fast.')}</p>
        <resmo-inference-panel></resmo-inference-panel>
      </section>
      <section class="card">
        <h2>${msg('About')}</h2>
        <dl>
          <dt>${msg('Version')}</dt>
          <dd>${__APP_VERSION__}</dd>
          ${this.model.render({
            complete: (m) =>
              html`<dt>${msg('Model')}</dt>
                <dd>
                  ${msg(str`ResmoNet ${m.version}, ${parameterCount(m.params)}, ${percent(m.metrics.accuracy)} accurate on FER2013 validation faces`)}
                </dd>`,
          })}
        </dl>
        <p>
          ${msg(
            'Resmo estimates facial expression with ResmoNet, a small neural network that runs on this device. Video never leaves the device; only the reports and exports you make do.',
          )}
        </p>
        <p>
          ${msg(
            'In a video call, Resmo reads the call window you share, on this device and only while it is shared: a red dot says so. The picture of the call is never stored or sent. Only the per-second expression record of the patient you tap is kept, as with the camera; the other people in the call, you included, are not recorded.',
          )}
        </p>
      </section>
    `;
  }

  private async onLanguage(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLocale(value)) return;
    await applyLocale(value, true);
    this.locale = value;
  }
}

interface ModelSummary {
  version: string;
  params: number;
  metrics: { accuracy: number };
}

function percent(value: number): string {
  return new Intl.NumberFormat(getLocale(), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Each language is named in itself, so a user who cannot read the current one still finds theirs. */
function languageName(code: Locale): string {
  return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-settings-view': ResmoSettingsView;
  }
}
