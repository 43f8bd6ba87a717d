import { LitElement, css, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { CameraController } from '../controllers/camera-controller.js';
import { cameraErrorMessage } from './camera-messages.js';
import { sharedStyles } from './shared-styles.js';

/** The live screen of a consultation: camera, face overlay, current emotion and timeline. */
@localized()
@customElement('resmo-consultation-view')
export class ResmoConsultationView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .stage {
        position: relative;
        background: #0d1417;
        border-radius: var(--resmo-radius);
        overflow: hidden;
        aspect-ratio: 4 / 3;
        max-height: 70vh;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: contain;
        display: block;
      }
      .mirrored {
        transform: scaleX(-1);
      }
      .controls {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin-block: 0.75rem;
      }
      .disclaimer {
        font-size: 0.9rem;
        color: var(--resmo-muted);
      }
    `,
  ];

  private readonly camera = new CameraController(this);
  @query('video') private video!: HTMLVideoElement | null;

  override render() {
    const { status, error } = this.camera;
    const running = status === 'live' || status === 'starting';
    return html`
      <h1>${msg('Consultation')}</h1>
      <p class="purpose">
        ${msg(
          "Start the camera to see the patient's facial expression estimated live. The video stays on this device.",
        )}
      </p>
      <div class="controls">
        <button class="primary" @click=${running ? this.stop : this.start}>
          ${running ? msg('Stop camera') : msg('Start camera')}
        </button>
      </div>
      ${error ? this.renderError(error.kind) : nothing}
      <div class="stage">
        <video class=${this.camera.mirrored ? 'mirrored' : ''} muted playsinline autoplay aria-hidden="true"></video>
      </div>
      <p class="disclaimer">
        ${msg('These readings estimate facial expression, not inner feeling. They are not a diagnosis.')}
      </p>
    `;
  }

  override updated(): void {
    if (this.video && this.video.srcObject !== this.camera.stream) this.video.srcObject = this.camera.stream;
  }

  private renderError(kind: Parameters<typeof cameraErrorMessage>[0]) {
    const { title, help } = cameraErrorMessage(kind);
    return html`<div class="error" role="alert"><strong>${title}</strong> ${help}</div>`;
  }

  private async start(): Promise<void> {
    await this.camera.start();
  }

  private stop(): void {
    this.camera.stop();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-consultation-view': ResmoConsultationView;
  }
}
