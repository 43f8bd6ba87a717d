import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { CameraController } from '../../controllers/camera-controller.js';
import { LiveSession } from '../../controllers/live-session.js';
import { LIVE_TIMELINE_MS } from '../../live/live-stream.js';
import { loadPreferences } from '../../platform/preferences.js';
import { emotionName } from '../../i18n/emotions.js';
import { cameraErrorMessage } from '../../i18n/camera-messages.js';
import { inferenceErrorMessage, workerStatusNote } from '../../i18n/inference-messages.js';
import { qualityMessage } from '../../i18n/quality-messages.js';
import { StaleWatch } from '../../controllers/stale-watch.js';
import { recordingErrorMessage } from '../../i18n/recording-messages.js';
import { consultationStyles } from '../../styles/consultation-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { ResumeSessionEvent } from '../ui/resmo-interrupted-sessions.js';
import type { CameraChangeEvent } from './resmo-camera-picker.js';
import type { FacePickEvent } from './resmo-face-overlay.js';
import type { MarkerAddEvent, SessionStartEvent } from './resmo-session-controls.js';
import './resmo-camera-picker.js';
import './resmo-emotion-bars.js';
import '../ui/resmo-emotion-timeline.js';
import './resmo-face-overlay.js';
import './resmo-session-controls.js';
import './resmo-status-strip.js';

/**
 * The live screen of a consultation: camera, face overlay, current emotion, timeline and
 * recording. The LiveSession owns the pipeline; this element only shows it and passes on what
 * the clinician asks for.
 */
@customElement('resmo-consultation-view')
@localized()
export class ResmoConsultationView extends LitElement {
  static override styles = [sharedStyles, consultationStyles];

  private readonly camera = new CameraController(this);
  private readonly live = new LiveSession(this, { preferences: loadPreferences() });

  @query('video') private video!: HTMLVideoElement | null;
  private readonly staleness = new StaleWatch(
    this,
    () => this.camera.status === 'live',
    () => this.live.worker.result,
  );
  @state() private recordingError = '';
  @state() private lastSessionId = '';

  override render() {
    const { status, error } = this.camera;
    const running = status === 'live' || status === 'starting';
    const { worker, stream, recorder } = this.live;
    const readout = stream.readout;
    const stale = running && this.staleness.stale;
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
      ${worker.error ? html`<div class="notice" role="alert">${inferenceErrorMessage(worker.error)}</div>` : nothing}
      <resmo-session-controls
        .state=${recorder.state}
        .error=${this.recordingError}
        .lastSessionId=${this.lastSessionId}
        @resmo-session-start=${this.onSessionStart}
        @resmo-resume-session=${this.onSessionResume}
        @resmo-marker-add=${this.onMarkerAdd}
        @resmo-session-stop=${this.onSessionStop}
      ></resmo-session-controls>
      <div class="layout">
        <div class="stage">
          <div class="mirror ${this.camera.mirrored ? 'on' : ''}">
            <video muted playsinline autoplay aria-hidden="true"></video>
            <resmo-face-overlay
              .frameWidth=${worker.result?.frameWidth ?? 640}
              .frameHeight=${worker.result?.frameHeight ?? 480}
              .faces=${running && !stale ? readout.faces : []}
              .analysed=${readout.analysedIndex}
              @resmo-face-pick=${this.onPick}
            ></resmo-face-overlay>
          </div>
        </div>
        <div>
          <resmo-emotion-bars
            .probabilities=${running ? readout.smoothed : null}
            .reason=${this.reason(running)}
            ?stale=${stale}
          ></resmo-emotion-bars>
          <resmo-status-strip
            .backend=${worker.backend}
            .fps=${running ? readout.fps : 0}
            .issues=${running && worker.status === 'ready' ? readout.issues : []}
            .note=${workerStatusNote(worker)}
          ></resmo-status-strip>
          <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            ${this.announcement(running && !stale)}
          </div>
        </div>
      </div>
      <resmo-emotion-timeline
        .points=${stream.points}
        .markers=${stream.markers}
        windowMs=${LIVE_TIMELINE_MS}
      ></resmo-emotion-timeline>
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
  private readonly onPreferences = (): void => this.live.configure(loadPreferences());

  override updated(): void {
    const video = this.video;
    if (video && video.srcObject !== this.camera.stream) {
      video.srcObject = this.camera.stream;
      this.live.attach(this.camera.stream?.getVideoTracks()[0] ?? null);
    }
  }

  /** The live region says only the emotion's word, and only when the reading is reliable. */
  private announcement(running: boolean): string {
    const { smoothed, announced } = this.live.stream.readout;
    return running && smoothed && announced ? emotionName(announced) : '';
  }

  private reason(running: boolean): string {
    if (!running) return msg('Camera off');
    if (this.live.worker.status === 'loading') return msg('Loading the model…');
    const blocking = this.live.stream.readout.issues.find((issue) => issue !== 'several-faces');
    return blocking ? qualityMessage(blocking) : '';
  }

  private renderCameraError(kind: Parameters<typeof cameraErrorMessage>[0]) {
    const { title, help } = cameraErrorMessage(kind);
    return html`<div class="error" role="alert"><strong>${title}</strong> ${help}</div>`;
  }

  private onPick(event: FacePickEvent): void {
    this.live.pick(event.detail.index);
  }

  /** Runs what the session controls asked for; a failure is shown on them in plain words. */
  private async record(action: () => Promise<unknown>): Promise<void> {
    this.recordingError = '';
    try {
      await action();
    } catch (error) {
      this.recordingError = recordingErrorMessage(error);
    }
  }

  private onSessionStart(event: SessionStartEvent): Promise<void> {
    return this.record(() => this.live.startRecording(event.detail.patientId));
  }

  private onSessionResume(event: ResumeSessionEvent): Promise<void> {
    return this.record(() => this.live.resumeRecording(event.detail.session.id));
  }

  private onMarkerAdd(event: MarkerAddEvent): Promise<void> {
    return this.record(() => this.live.addMarker(event.detail.label));
  }

  private onSessionStop(): Promise<void> {
    return this.record(async () => {
      const session = await this.live.stopRecording();
      if (session) this.lastSessionId = session.id;
    });
  }

  private async start(): Promise<void> {
    await this.camera.start({ height: loadPreferences().cameraHeight });
  }

  /** A new choice applies at once if the camera is on, else at the next start. */
  private async switchCamera(event: CameraChangeEvent): Promise<void> {
    if (this.camera.status !== 'live') return;
    const { deviceId, height } = event.detail;
    await this.camera.start(deviceId ? { deviceId, height } : { height });
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
