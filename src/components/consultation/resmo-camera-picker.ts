import { lineCount } from '../../i18n/counts.js';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { loadPreferences, savePreferences } from '../../platform/preferences.js';

export type CameraChangeEvent = CustomEvent<{ deviceId: string; height: number }>;

const HEIGHTS = [360, 480, 720, 1080] as const;

/** Which camera (front, back, external) and at what resolution; the list fills once access is granted. */
@customElement('resmo-camera-picker')
@localized()
export class ResmoCameraPicker extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    label {
      display: grid;
      gap: 0.2rem;
      font-size: 0.9rem;
      font-weight: 600;
    }
    select {
      font: inherit;
      min-height: 44px;
    }
  `;

  @property({ attribute: false }) devices: readonly MediaDeviceInfo[] = [];
  @state() private deviceId = '';
  @state() private height = loadPreferences().cameraHeight;

  override render() {
    const resolution = (h: number) => lineCount(h);
    return html`
      ${
        this.devices.length > 1
          ? html`<label
              >${msg('Camera')}
              <select @change=${this.onDevice}>
                ${this.devices.map(
                  (d, i) =>
                    html`<option value=${d.deviceId} ?selected=${d.deviceId === this.deviceId}>
                      ${d.label || msg(str`Camera ${i + 1}`)}
                    </option>`,
                )}
              </select>
            </label>`
          : nothing
      }
      <label
        >${msg('Resolution')}
        <select @change=${this.onHeight}>
          ${HEIGHTS.map((h) => html`<option value=${h} ?selected=${h === this.height}>${resolution(h)}</option>`)}
        </select>
      </label>
    `;
  }

  private onDevice(event: Event): void {
    this.deviceId = (event.target as HTMLSelectElement).value;
    this.emit();
  }

  private onHeight(event: Event): void {
    this.height = Number((event.target as HTMLSelectElement).value);
    savePreferences({ ...loadPreferences(), cameraHeight: this.height });
    this.emit();
  }

  private emit(): void {
    const detail = { deviceId: this.deviceId, height: this.height };
    this.dispatchEvent(new CustomEvent('resmo-camera-change', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-camera-change': CameraChangeEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-camera-picker': ResmoCameraPicker;
  }
}
