import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { CameraController } from '../../controllers/camera-controller.js';
import { CallSourceController } from '../../controllers/call-source.js';
import { LiveSession } from '../../controllers/live-session.js';
import { RecordingActions } from '../../controllers/recording-actions.js';
import { consultationHash } from '../../controllers/router-controller.js';
import { liveFigures } from '../../platform/live-figures.js';
import { PreferencesWatch } from '../../controllers/preferences-watch.js';
import { loadPreferences } from '../../platform/preferences.js';
import { emotionName } from '../../i18n/emotions.js';
import { cameraErrorMessage } from '../../i18n/camera-messages.js';
import { inferenceErrorMessage, workerStatusNote } from '../../i18n/inference-messages.js';
import { StaleWatch } from '../../controllers/stale-watch.js';
import { recordingErrorMessage } from '../../i18n/recording-messages.js';
import { consultationPurpose, liveReason, sourceButtonLabel } from '../../i18n/source-messages.js';
import { consultationStyles } from '../../styles/consultation-styles.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import type { SessionSource } from '../../storage/index.js';
import type { ResumeSessionEvent } from '../ui/resmo-interrupted-sessions.js';
import type { CameraChangeEvent } from './resmo-camera-picker.js';
import type { TapModeEvent } from './resmo-call-panel.js';
import type { SourceChangeEvent } from './resmo-source-picker.js';
import type { FacePickEvent } from './resmo-face-overlay.js';
import { ensureConsent } from '../../controllers/consent-guard.js';
import type { MarkerAddEvent, SessionStartEvent } from './resmo-session-controls.js';
import './resmo-call-panel.js';
import './resmo-camera-picker.js';
import './resmo-source-picker.js';
import './resmo-emotion-bars.js';
import './resmo-live-readings.js';
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
  private readonly actions = new RecordingActions(this, this.live);
  private readonly call = new CallSourceController(this, (box) => this.live.worker.post({ type: 'set-focus', box }));
  /** Settings changed (possibly in another view of this page): apply them without a restart. */
  protected readonly preferences = new PreferencesWatch(this, (p) => this.live.configure(p));
  @state() private source: SessionSource = 'camera';
  /** The patient named in the address (`#/consultation/<id>`), chosen when it changes. */
  @property({ attribute: false }) routePatient = '';
  /** Set once when the patient page's "Start consultation" opened this screen: the camera starts. */
  @property({ attribute: false }) startCamera = false;

  @query('video') private video!: HTMLVideoElement | null;
  private readonly staleness = new StaleWatch(
    this,
    () => this.camera.status === 'live',
    () => this.live.worker.result,
  );
  @state() private patientId = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('routePatient') && this.routePatient) this.patientId = this.routePatient;
    if (changed.has('startCamera') && this.startCamera) {
      history.replaceState(history.state, '', consultationHash(this.patientId));
      if (!this.running) void this.start();
    }
  }

  override render() {
    const { error } = this.camera;
    const running = this.running;
    const call = this.source === 'video-call';
    const display = this.call.display;
    const { worker, stream, recorder } = this.live;
    const readout = stream.readout;
    const stale = running && this.staleness.stale;
    return html`
      <h1>${msg('Consultation')}</h1>
      ${this.live.recording ? nothing : html`<p class="purpose">${consultationPurpose(this.source)}</p>`}
      <resmo-source-picker
        .source=${this.source}
        .support=${display.support}
        ?disabled=${this.live.recording}
        ?hidden=${this.live.recording}
        @resmo-source-change=${this.switchSource}
      ></resmo-source-picker>
      <div class="controls" ?hidden=${this.live.recording && running}>
        <button
          class="source"
          @click=${running ? this.stop : this.start}
          ?disabled=${call && display.support === 'no-display-capture'}
        >
          ${sourceButtonLabel(this.source, running)}
        </button>
        ${
          call
            ? nothing
            : html`<resmo-camera-picker
                .devices=${this.camera.devices}
                @resmo-camera-change=${this.switchCamera}
              ></resmo-camera-picker>`
        }
      </div>
      <resmo-call-panel
        .status=${call ? display.status : 'idle'}
        .surface=${display.surface}
        .tapMode=${this.call.tapMode}
        @resmo-tap-mode=${(e: TapModeEvent) => this.call.setTapMode(e.detail.mode)}
        @resmo-share-again=${this.start}
      ></resmo-call-panel>
      ${error && !call ? this.renderCameraError(error.kind) : nothing}
      ${worker.error ? html`<div class="notice" role="alert">${inferenceErrorMessage(worker.error)}</div>` : nothing}
      <resmo-session-controls
        @resmo-patient-selected=${this.onPatient}
        .patientId=${this.patientId}
        .state=${recorder.state}
        .error=${this.actions.error === null ? '' : recordingErrorMessage(this.actions.error)}
        .lastSessionId=${this.actions.savedSessionId}
        @resmo-session-start=${this.onSessionStart}
        @resmo-resume-session=${(e: ResumeSessionEvent) => this.actions.resume(e.detail.session.id)}
        @resmo-marker-add=${(e: MarkerAddEvent) => this.actions.mark(e.detail.label)}
        @resmo-session-stop=${() => this.actions.stop()}
      ></resmo-session-controls>
      <div class="layout">
        <div class="stage ${call ? 'call' : ''}">
          <div class="mirror ${!call && this.camera.mirrored ? 'on' : ''}">
            <video muted playsinline autoplay aria-hidden="true"></video>
            <resmo-face-overlay
              .frameWidth=${worker.result?.frameWidth ?? 640}
              .frameHeight=${worker.result?.frameHeight ?? 480}
              .faces=${running && !stale ? readout.faces : []}
              .analysed=${readout.analysedIndex}
              .ignored=${call ? (this.call.selection?.ignored ?? []) : []}
              @resmo-face-pick=${this.onPick}
            ></resmo-face-overlay>
          </div>
        </div>
        <div class="readings">
          <resmo-status-strip
            .status=${running ? worker.status : 'idle'}
            .progress=${worker.progress}
            .issues=${running && worker.status === 'ready' ? readout.issues : []}
            .note=${workerStatusNote(worker)}
          ></resmo-status-strip>
          <resmo-emotion-bars
            .probabilities=${running ? readout.smoothed : null}
            .reason=${liveReason(this.source, running, this.live.worker.status === 'loading', readout.issues)}
            ?stale=${stale}
          ></resmo-emotion-bars>
          <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            ${this.announcement(running && !stale)}
          </div>
        </div>
      </div>
      <resmo-live-readings
        .points=${stream.points}
        .markers=${stream.markers.map((m, i) => ({ at: (m.t - stream.clockStart) / 1000, n: i + 1, label: m.label }))}
        origin=${stream.clockStart}
        patient-id=${this.patientId}
        ?live=${running}
      ></resmo-live-readings>
      <p class="disclaimer">
        ${msg('These readings estimate facial expression, not inner feeling. They are not a diagnosis.')}
      </p>
    `;
  }

  override updated(): void {
    const { backend, result } = this.live.worker;
    const fps = this.running ? this.live.stream.readout.fps : 0;
    liveFigures.set({ backend, fps, timings: result?.timings ?? null });
    const video = this.video;
    const source = this.source === 'camera' ? this.camera.stream : this.call.display.stream;
    if (video && video.srcObject !== source) {
      video.srcObject = source;
      this.live.stream.readout.selector = this.source === 'video-call' ? this.call.select : null;
      this.call.attached();
      this.live.attach(source?.getVideoTracks()[0] ?? null);
    }
  }

  private get running(): boolean {
    return ['live', 'starting'].includes(this.source === 'camera' ? this.camera.status : this.call.display.status);
  }

  /** The live region says only the emotion's word, and only when the reading is reliable. */
  private announcement(running: boolean): string {
    const { smoothed, announced } = this.live.stream.readout;
    return running && smoothed && announced ? emotionName(announced) : '';
  }

  private renderCameraError(kind: Parameters<typeof cameraErrorMessage>[0]) {
    const { title, help } = cameraErrorMessage(kind);
    return html`<div class="error" role="alert"><strong>${title}</strong> ${help}</div>`;
  }

  private onPick(event: FacePickEvent): void {
    if (this.source === 'video-call') this.call.tap(event.detail.index);
    else this.live.pick(event.detail.index);
  }

  private onPatient(event: CustomEvent<{ patientId: string }>): void {
    this.patientId = event.detail.patientId;
    if (!this.hidden) history.replaceState(history.state, '', consultationHash(this.patientId));
  }

  private onSessionStart(event: SessionStartEvent): Promise<void> {
    const ensureSource = () => (this.running ? Promise.resolve() : this.start());
    return this.actions.start(event.detail.patientId, this.source, (id) => this.mayStart(id), ensureSource);
  }

  /** The check before recording: a patient's consent, asked for first when none is recorded. */
  private mayStart(patientId: string): Promise<boolean> {
    return ensureConsent(patientId);
  }

  private async start(): Promise<void> {
    if (this.source === 'video-call') await this.call.display.start();
    else await this.camera.start({ height: loadPreferences().cameraHeight });
  }

  private switchSource(event: SourceChangeEvent): void {
    if (this.running || this.call.display.status === 'ended') this.stop();
    this.source = event.detail.source;
  }

  /** A new choice applies at once if the camera is on, else at the next start. */
  private async switchCamera(event: CameraChangeEvent): Promise<void> {
    if (this.camera.status !== 'live') return;
    const { deviceId, height } = event.detail;
    await this.camera.start(deviceId ? { deviceId, height } : { height });
  }

  private stop(): void {
    if (this.source === 'camera') this.camera.stop();
    else this.call.stop();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-consultation-view': ResmoConsultationView;
  }
}
