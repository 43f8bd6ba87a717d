import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Smoothing } from '../../live/emotion-smoother.js';
import { loadPreferences, savePreferences } from '../../platform/preferences.js';
import { formStyles } from '../../styles/form-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';

interface SmoothingOption {
  id: string;
  smoothing: Smoothing;
  label: () => string;
}

const OPTIONS: readonly SmoothingOption[] = [
  { id: 'off', smoothing: { kind: 'off' }, label: () => msg('Off: every frame as it comes') },
  {
    id: 'ema-400',
    smoothing: { kind: 'exponential', halfLifeMs: 400 },
    label: () => msg('Light (exponential, 0.4 s)'),
  },
  {
    id: 'ema-800',
    smoothing: { kind: 'exponential', halfLifeMs: 800 },
    label: () => msg('Standard (exponential, 0.8 s)'),
  },
  {
    id: 'ema-2000',
    smoothing: { kind: 'exponential', halfLifeMs: 2000 },
    label: () => msg('Strong (exponential, 2 s)'),
  },
  { id: 'win-3000', smoothing: { kind: 'window', windowMs: 3000 }, label: () => msg('Average of the last 3 seconds') },
];

function optionId(s: Smoothing): string {
  switch (s.kind) {
    case 'off':
      return 'off';
    case 'exponential':
      return `ema-${s.halfLifeMs}`;
    case 'window':
      return `win-${s.windowMs}`;
  }
}

/** How steady the live display is. The recorded timeline always keeps the unsmoothed per-second means. */
@customElement('resmo-display-panel')
@localized()
export class ResmoDisplayPanel extends LitElement {
  static override styles = [sharedStyles, formStyles];

  @state() private current = optionId(loadPreferences().smoothing);

  override render() {
    return html`<section class="card">
      <h2>${msg('Live display')}</h2>
      <label for="smoothing">${msg('Smoothing of the live emotion display')}</label>
      <select id="smoothing" @change=${this.onChange}>
        ${OPTIONS.map((o) => html`<option value=${o.id} ?selected=${o.id === this.current}>${o.label()}</option>`)}
      </select>
      <p class="purpose">${msg('The recorded timeline is not smoothed: it keeps the mean of each second.')}</p>
    </section>`;
  }

  private onChange(event: Event): void {
    const option = OPTIONS.find((o) => o.id === (event.target as HTMLSelectElement).value);
    if (!option) return;
    savePreferences({ ...loadPreferences(), smoothing: option.smoothing });
    this.current = option.id;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-display-panel': ResmoDisplayPanel;
  }
}
