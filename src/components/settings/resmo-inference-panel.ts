import { formatUnit } from '../../i18n/format.js';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { readBackendChoice } from '../../platform/backend-choice.js';
import { loadPreferences, savePreferences } from '../../platform/preferences.js';
import type { BackendChoiceRecord, BackendPreference, BackendProbe } from '../../shared/protocol.js';
import { backendName, inferenceErrorMessage } from '../../i18n/inference-messages.js';
import { formStyles } from '../../styles/form-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';

const PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** Where the model runs: the measured timings of each engine on this device, and a manual override. */
@customElement('resmo-inference-panel')
@localized()
export class ResmoInferencePanel extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      table {
        border-collapse: collapse;
        margin-block: 0.75rem;
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
  ];

  @state() private preference = loadPreferences().backend;
  @state() private record: BackendChoiceRecord | null = readBackendChoice(localStorage);

  override render() {
    return html`<section class="card">
      <h2>${msg('Analysis engine')}</h2>
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
    </section>`;
  }

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
              <td class="num">${probe.ok ? formatUnit(probe.msPerFrame, 'millisecond') : '—'}</td>
              <td>${this.note(probe)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private note(probe: BackendProbe): string {
    if (!probe.ok) return inferenceErrorMessage(probe.error);
    return probe.software ? msg('Software emulation, used only as a last resort') : '';
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
