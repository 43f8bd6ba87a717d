import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { loadPreferences, savePreferences } from '../../platform/preferences.js';

export type CameraChangeEvent = CustomEvent<{ deviceId: string; height: number }>;

/** Camera quality in a clinician's words: Standard (480 lines, light on older tablets) or High (720). */
const QUALITIES = [
  { height: 480, label: () => msg('Standard') },
  { height: 720, label: () => msg('High') },
] as const;

/** A height saved by an older version (360, 1080) shows as the nearer of the two. */
function qualityOf(height: number): number {
  return height > 600 ? 720 : 480;
}

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
    label {
      min-width: 0;
      max-width: 100%;
    }
    select {
      max-width: 100%;
      font: inherit;
      min-height: 44px;
    }
  `;

  @property({ attribute: false }) devices: readonly MediaDeviceInfo[] = [];
  @state() private deviceId = '';
  @state() private height = loadPreferences().cameraHeight;

  override render() {
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
        >${msg('Camera quality')}
        <select @change=${this.onHeight}>
          ${QUALITIES.map(
            (q) =>
              html`<option value=${q.height} ?selected=${q.height === qualityOf(this.height)}>${q.label()}</option>`,
          )}
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
