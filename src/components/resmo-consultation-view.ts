import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { CameraController } from '../controllers/camera-controller.js';
import { InferenceController } from '../controllers/inference-controller.js';
import { LiveReadout } from '../controllers/live-readout.js';
import { loadPreferences } from '../controllers/preferences.js';
import { SessionRecorder } from '../controllers/session-recorder.js';
import type { FrameResult } from '../shared/protocol.js';
import { listMarkers } from '../storage/index.js';
import { emotionName } from '../i18n/emotions.js';
import { cameraErrorMessage } from './camera-messages.js';
import { inferenceErrorMessage } from './inference-messages.js';
import { qualityMessage } from './quality-messages.js';
import { sharedStyles } from './shared-styles.js';
import type { CameraChangeEvent } from './resmo-camera-picker.js';
import type { FacePickEvent } from './resmo-face-overlay.js';
import type { ChartMarker } from './review/chart-markers.js';
import { chartMarkers } from './review/readings-data.js';
import './resmo-camera-picker.js';
import './resmo-emotion-bars.js';
import './consultation/resmo-live-readings.js';
import './resmo-face-overlay.js';
import './resmo-session-controls.js';
import { backendName } from './resmo-status-strip.js';

/** The live screen of a consultation: camera, face overlay, current emotion, timeline and recording. */
@customElement('resmo-consultation-view')
@localized()
export class ResmoConsultationView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .layout {
        display: grid;
        gap: 1rem;
        grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
        align-items: start;
      }
      @media (max-width: 52rem), (orientation: portrait) and (max-width: 64rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .stage {
        position: relative;
        background: #0d1417;
        border-radius: var(--resmo-radius);
        overflow: hidden;
        aspect-ratio: 4 / 3;
        max-height: 65vh;
        width: 100%;
      }
      .mirror {
        position: absolute;
        inset: 0;
      }
      .mirror.on {
        transform: scaleX(-1);
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: contain;
        display: block;
      }
      .controls {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: end;
        margin-block: 0.75rem;
      }
      resmo-session-controls,
      resmo-live-readings,
      resmo-status-strip {
        margin-block: 0.75rem;
      }
      .disclaimer {
        font-size: 0.9rem;
        color: var(--resmo-muted);
      }
    `,
  ];

  private preferences = loadPreferences();
  private readonly camera = new CameraController(this);
  private readonly readout = new LiveReadout(this.preferences.smoothing);
  private readonly recorder = new SessionRecorder(this);
  private readonly inference = new InferenceController(this, {
    preference: this.preferences.backend,
    maxFaces: this.preferences.maxFaces,
    onResult: (result, timestamp) => this.onResult(result, timestamp),
  });

  @query('video') private video!: HTMLVideoElement | null;
  @state() private markers: ChartMarker[] = [];
  @state() private patientId = '';
  private markerCount = 0;
  /** Wall-clock ms of the camera's start: elapsed time counts from it until a session starts. */
  private cameraStartedAt = Date.now();

  override render() {
    const { status, error } = this.camera;
    const running = status === 'live' || status === 'starting';
    return html`
      <h1>${msg('Consultation')}</h1>
      <p class="purpose">
        ${msg(
          "Start the camera to see the patient's facial expression estimated live. Choose a patient to record the session in their file. The video stays on this device.",
        )}
      </p>
      <div class="controls">
        <button class="primary" @click=${running ? this.stop : this.start}>
          ${running ? msg('Stop camera') : msg('Start camera')}
        </button>
        <resmo-camera-picker
          .devices=${this.camera.devices}
          @resmo-camera-change=${this.switchCamera}
        ></resmo-camera-picker>
      </div>
      ${error ? this.renderCameraError(error.kind) : nothing}
      ${this.inference.error ? html`<div class="notice" role="alert">${inferenceErrorMessage(this.inference.error)}</div>` : nothing}
      <resmo-session-controls
        .recorder=${this.recorder}
        .state=${this.recorder.state}
        @resmo-patient-selected=${(e: CustomEvent<{ patientId: string }>) => (this.patientId = e.detail.patientId)}
      ></resmo-session-controls>
      <div class="layout">
        <div class="stage">
          <div class="mirror ${this.camera.mirrored ? 'on' : ''}">
            <video muted playsinline autoplay aria-hidden="true"></video>
            <resmo-face-overlay
              .frameWidth=${this.inference.result?.frameWidth ?? 640}
              .frameHeight=${this.inference.result?.frameHeight ?? 480}
              .faces=${running ? this.readout.faces : []}
              .analysed=${this.readout.analysedIndex}
              @resmo-face-pick=${this.onPick}
            ></resmo-face-overlay>
          </div>
        </div>
        <div>
          <resmo-emotion-bars
            .probabilities=${running ? this.readout.smoothed : null}
            .reason=${this.reason(running)}
          ></resmo-emotion-bars>
          <resmo-status-strip
            .backend=${this.inference.backend}
            .fps=${running ? this.readout.fps : 0}
            .issues=${running && this.inference.status === 'ready' ? this.readout.issues : []}
            .note=${this.statusNote()}
          ></resmo-status-strip>
          <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            ${this.announcement(running)}
          </div>
        </div>
      </div>
      <resmo-live-readings
        .points=${this.readout.points}
        .markers=${this.markers}
        origin=${this.origin()}
        patient-id=${this.patientId}
        ?live=${running}
      ></resmo-live-readings>
      <p class="disclaimer">
        ${msg('These readings estimate facial expression, not inner feeling. They are not a diagnosis.')}
      </p>
    `;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resmo-preferences', this.onPreferences);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resmo-preferences', this.onPreferences);
  }

  /** Settings changed (possibly in another view of this page): apply them without a restart. */
  private readonly onPreferences = (): void => {
    const before = this.preferences;
    const prefs = (this.preferences = loadPreferences());
    this.readout.configure(prefs.smoothing);
    if (prefs.backend !== before.backend) this.inference.setBackend(prefs.backend);
    if (prefs.maxFaces !== before.maxFaces) this.inference.setMaxFaces(prefs.maxFaces);
  };

  override updated(): void {
    void this.syncMarkers();
    const video = this.video;
    if (video && video.srcObject !== this.camera.stream) {
      video.srcObject = this.camera.stream;
      if (this.camera.stream) this.inference.attachVideo(video);
      else this.inference.detachVideo();
    }
  }

  /** The live region says only the emotion's word, and only when the reading is reliable. */
  private announcement(running: boolean): string {
    return running && this.readout.smoothed && this.readout.announced ? emotionName(this.readout.announced) : '';
  }

  private reason(running: boolean): string {
    if (!running) return msg('Camera off');
    if (this.inference.status === 'loading') return msg('Loading the model…');
    const blocking = this.readout.issues.find((issue) => issue !== 'several-faces');
    return blocking ? qualityMessage(blocking) : '';
  }

  private statusNote(): string {
    if (this.inference.fallback) return msg('Moved to another engine after a graphics error');
    if (this.inference.status !== 'loading') return '';
    const progress = this.inference.progress;
    if (progress?.stage === 'probing' && progress.backend) {
      const engine = backendName(progress.backend);
      return msg(str`Measuring the speed of ${engine}…`);
    }
    return progress?.stage === 'warming-up' ? msg('Warming up…') : msg('Choosing the fastest engine…');
  }

  private renderCameraError(kind: Parameters<typeof cameraErrorMessage>[0]) {
    const { title, help } = cameraErrorMessage(kind);
    return html`<div class="error" role="alert"><strong>${title}</strong> ${help}</div>`;
  }

  private onResult(result: FrameResult, timestamp: number): void {
    const reading = this.readout.push(result, timestamp, Date.now() - (performance.now() - timestamp));
    this.recorder.add(reading);
  }

  private origin(): number {
    const state = this.recorder.state;
    return state.status === 'idle' ? this.cameraStartedAt : state.session.startedAt;
  }

  private onPick(event: FacePickEvent): void {
    this.readout.pick(event.detail.index);
  }

  /** Markers live in storage; the live timeline reloads them when the recorder counts a new one. */
  private async syncMarkers(): Promise<void> {
    const state = this.recorder.state;
    const count = state.status === 'idle' ? 0 : state.markers;
    if (count === this.markerCount) return;
    this.markerCount = count;
    if (state.status === 'idle') return;
    const session = state.session;
    this.markers = chartMarkers(await listMarkers(session.id));
  }

  private async start(): Promise<void> {
    this.readout.reset();
    this.cameraStartedAt = Date.now();
    await this.camera.start({ height: this.preferences.cameraHeight });
    if (this.camera.status === 'live') this.inference.start();
  }

  /** A new choice applies at once if the camera is on, else at the next start. */
  private async switchCamera(event: CameraChangeEvent): Promise<void> {
    if (this.camera.status !== 'live') return;
    const { deviceId, height } = event.detail;
    await this.camera.start(deviceId ? { deviceId, height } : { height });
  }

  private stop(): void {
    this.inference.detachVideo();
    this.camera.stop();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-consultation-view': ResmoConsultationView;
  }
}
