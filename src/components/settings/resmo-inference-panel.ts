import { formatUnit } from '../../i18n/format.js';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { readBackendChoice } from '../../platform/backend-choice.js';
import { loadPreferences, savePreferences } from '../../platform/preferences.js';
import type { BackendChoiceRecord, BackendPreference } from '../../shared/protocol.js';
import { backendName, probeNote } from '../../i18n/inference-messages.js';
import { liveFigures } from '../../platform/live-figures.js';
import { formStyles } from '../../styles/form-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { stackedTableStyles, termListStyles } from '../../styles/list-styles.js';

const PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Settings › Advanced: where the model runs, the measured time of each engine on this device, a
 * manual override, and the running analysis' frame rate and time per stage.
 */
@customElement('resmo-inference-panel')
@localized()
export class ResmoInferencePanel extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    termListStyles,
    css`
      table {
        border-collapse: collapse;
        margin-block: 0.75rem;
        width: 100%;
      }
      h3 {
        margin-block: 1rem 0.25rem;
        font-size: 1rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.25rem 0.75rem 0.25rem 0;
        border-bottom: 1px solid var(--resmo-line);
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
    stackedTableStyles,
  ];

  @state() private preference = loadPreferences().backend;
  @state() private mirror = loadPreferences().mirror;
  @state() private record: BackendChoiceRecord | null = readBackendChoice(localStorage);
  @state() private figures = liveFigures.values;

  override connectedCallback(): void {
    super.connectedCallback();
    liveFigures.addEventListener('change', this.onFigures);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    liveFigures.removeEventListener('change', this.onFigures);
  }

  override render() {
    return html`<section>
      <h3>${msg('Analysis engine')}</h3>
      <p class="purpose">
        ${msg(
          'The app measures each engine of this device on the real analysis and runs on the fastest. It measures again after an update.',
        )}
      </p>
      ${this.record ? this.renderProbes(this.record) : html`<p>${msg('Not measured yet: start the camera once.')}</p>`}
      <label for="backend">${msg('Engine to use')}</label>
      <select id="backend" @change=${this.onChange}>
        ${PREFERENCES.map(
          (p) =>
            html`<option value=${p} ?selected=${p === this.preference}>
              ${p === 'auto' ? msg('Fastest (measured)') : backendName(p)}
            </option>`,
        )}
      </select>
      <label class="check"
        ><input type="checkbox" .checked=${this.mirror} @change=${this.onMirror} />
        ${msg('Read each face twice, once as in a mirror, and average the two')}</label
      >
      <p class="purpose">
        ${msg(
          'Gives slightly steadier percentages for a little more computing time per frame. Not used on the CPU engine, the slowest. Each session records whether it was read this way.',
        )}
      </p>
      ${this.renderFigures()}
    </section>`;
  }

  private renderFigures() {
    const { backend, fps, timings } = this.figures;
    const lang = document.documentElement.lang || undefined;
    const one = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    const ms = new Intl.NumberFormat(lang, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 1 });
    return html`<h3>${msg('Analysis now')}</h3>
      ${
        backend && fps > 0
          ? html`<dl class="figures">
              <dt>${msg('Engine in use')}</dt>
              <dd>${backendName(backend)}</dd>
              <dt>${msg('Frame rate')}</dt>
              <dd>${msg(str`${one.format(fps)} frames/s`)}</dd>
              ${
                timings
                  ? html`<dt>${msg('Time per frame')}</dt>
                      <dd>
                        ${msg(
                          str`${ms.format(timings.total)} (face search ${ms.format(timings.detect)}, emotion ${ms.format(timings.classify)})`,
                        )}
                      </dd>`
                  : nothing
              }
            </dl>`
          : html`<p>${msg('Shown while the camera is on in a consultation.')}</p>`
      }`;
  }

  private readonly onFigures = (): void => {
    this.figures = liveFigures.values;
  };

  private renderProbes(record: BackendChoiceRecord) {
    return html`<table>
      <caption class="visually-hidden">
        ${msg('Measured time per frame for each engine')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Engine')}</th>
          <th scope="col">${msg('Time per frame')}</th>
          <th scope="col">${msg('Note')}</th>
        </tr>
      </thead>
      <tbody>
        ${record.probes.map(
          (probe) =>
            html`<tr>
              <td>
                ${backendName(probe.backend)}${probe.backend === record.backend ? html` <strong>${msg('(in use)')}</strong>` : nothing}
              </td>
              <td class="num" data-label=${msg('Time per frame')}>
                ${probe.ok ? formatUnit(probe.msPerFrame, 'millisecond') : '—'}
              </td>
              <td>
                ${probeNote(
                  probe,
                  record.probes.some((p) => p.ok),
                )}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private onMirror(event: Event): void {
    this.mirror = (event.target as HTMLInputElement).checked;
    savePreferences({ ...loadPreferences(), mirror: this.mirror });
  }

  private onChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as BackendPreference;
    if (!PREFERENCES.includes(value)) return;
    this.preference = value;
    savePreferences({ ...loadPreferences(), backend: value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-inference-panel': ResmoInferencePanel;
  }
}
