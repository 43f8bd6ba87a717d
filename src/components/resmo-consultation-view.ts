import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { CameraController } from '../controllers/camera-controller.js';
import { CallSourceController } from '../controllers/call-source.js';
import { InferenceController } from '../controllers/inference-controller.js';
import { LIVE_TIMELINE_MS, LiveReadout } from '../controllers/live-readout.js';
import { loadPreferences } from '../controllers/preferences.js';
import { SessionRecorder } from '../controllers/session-recorder.js';
import type { FrameResult } from '../shared/protocol.js';
import { listMarkers, type SessionSource } from '../storage/index.js';
import { emotionName } from '../i18n/emotions.js';
import { cameraErrorMessage } from './camera-messages.js';
import { inferenceErrorMessage } from './inference-messages.js';
import { qualityMessage } from './quality-messages.js';
import { sharedStyles } from './shared-styles.js';
import type { CameraChangeEvent } from './resmo-camera-picker.js';
import type { TapModeEvent } from './resmo-call-panel.js';
import type { SourceChangeEvent } from './resmo-source-picker.js';
import type { FacePickEvent } from './resmo-face-overlay.js';
import type { TimelineMarker } from './resmo-emotion-timeline.js';
import './resmo-call-panel.js';
import './resmo-camera-picker.js';
import './resmo-source-picker.js';
import './resmo-emotion-bars.js';
import './resmo-emotion-timeline.js';
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
      .stage.call {
        aspect-ratio: 16 / 9;
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
      resmo-emotion-timeline,
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
  private readonly call = new CallSourceController(this);
  @state() private source: SessionSource = 'camera';
  private readonly readout = new LiveReadout(this.preferences.smoothing);
  private readonly recorder = new SessionRecorder(this);
  private readonly inference = new InferenceController(this, {
    preference: this.preferences.backend,
    maxFaces: this.preferences.maxFaces,
    onResult: (result, timestamp) => this.onResult(result, timestamp),
  });

  @query('video') private video!: HTMLVideoElement | null;
  @state() private markers: TimelineMarker[] = [];
  private markerCount = 0;

  override render() {
    const { error } = this.camera;
    const running = this.running;
    const call = this.source === 'video-call';
    const display = this.call.display;
    return html`
      <h1>${msg('Consultation')}</h1>
      <p class="purpose">
        ${
          call
            ? msg(
                "Share the call window, then tap the patient's face to see their facial expression estimated live. Choose a patient to record the session in their file. The call stays on this device.",
              )
            : msg(
                "Start the camera to see the patient's facial expression estimated live. Choose a patient to record the session in their file. The video stays on this device.",
              )
        }
      </p>
      <resmo-source-picker
        .source=${this.source}
        .support=${display.support}
        ?disabled=${this.recorder.state.status !== 'idle'}
        @resmo-source-change=${this.switchSource}
      ></resmo-source-picker>
      <div class="controls">
        <button
          class="primary"
          @click=${running ? this.stop : this.start}
          ?disabled=${call && display.support === 'no-display-capture'}
        >
          ${this.startLabel(running)}
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
      ${
        call
          ? html`<resmo-call-panel
              .status=${display.status}
              .surface=${display.surface}
              .tapMode=${this.call.tapMode}
              @resmo-tap-mode=${(e: TapModeEvent) => this.call.setTapMode(e.detail.mode)}
              @resmo-share-again=${this.shareAgain}
            ></resmo-call-panel>`
          : nothing
      }
      ${error && !call ? this.renderCameraError(error.kind) : nothing}
      ${this.inference.error ? html`<div class="notice" role="alert">${inferenceErrorMessage(this.inference.error)}</div>` : nothing}
      <resmo-session-controls
        .recorder=${this.recorder}
        .state=${this.recorder.state}
        .source=${this.source}
      ></resmo-session-controls>
      <div class="layout">
        <div class="stage ${call ? 'call' : ''}">
          <div class="mirror ${!call && this.camera.mirrored ? 'on' : ''}">
            <video muted playsinline autoplay aria-hidden="true"></video>
            <resmo-face-overlay
              .frameWidth=${this.inference.result?.frameWidth ?? 640}
              .frameHeight=${this.inference.result?.frameHeight ?? 480}
              .faces=${running ? this.readout.faces : []}
              .analysed=${this.readout.analysedIndex}
              .ignored=${call ? (this.call.selection?.ignored ?? []) : []}
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
      <resmo-emotion-timeline
        .points=${this.readout.points}
        .markers=${this.markers}
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
    const stream = this.source === 'camera' ? this.camera.stream : this.call.display.stream;
    if (video && video.srcObject !== stream) {
      video.srcObject = stream;
      if (stream) this.inference.attachVideo(video);
      else this.inference.detachVideo();
    }
  }

  private get running(): boolean {
    const status = this.source === 'camera' ? this.camera.status : this.call.display.status;
    return status === 'live' || status === 'starting';
  }

  private startLabel(running: boolean): string {
    if (this.source === 'camera') return running ? msg('Stop camera') : msg('Start camera');
    return running ? msg('Stop reading the call') : msg('Share the call window');
  }

  /** The live region says only the emotion's word, and only when the reading is reliable. */
  private announcement(running: boolean): string {
    return running && this.readout.smoothed && this.readout.announced ? emotionName(this.readout.announced) : '';
  }

  private reason(running: boolean): string {
    if (!running) return this.source === 'camera' ? msg('Camera off') : msg('Not reading a call');
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

  private onPick(event: FacePickEvent): void {
    if (this.source === 'video-call') this.call.tap(event.detail.index);
    else this.readout.pick(event.detail.index);
  }

  /** Markers live in storage; the live timeline reloads them when the recorder counts a new one. */
  private async syncMarkers(): Promise<void> {
    const state = this.recorder.state;
    const count = state.status === 'idle' ? 0 : state.markers;
    if (count === this.markerCount) return;
    this.markerCount = count;
    if (state.status === 'idle') return;
    const session = state.session;
    this.markers = (await listMarkers(session.id)).map((m) => ({ t: session.startedAt + m.t, label: m.label }));
  }

  private async start(): Promise<void> {
    this.readout.reset();
    if (this.source === 'video-call') {
      this.readout.selector = this.call.select;
      await this.call.display.start();
      if (this.call.display.status === 'live') this.inference.start();
      return;
    }
    this.readout.selector = null;
    await this.camera.start({ height: this.preferences.cameraHeight });
    if (this.camera.status === 'live') this.inference.start();
  }

  /** The same call, shared again after sharing ended: the session and the chosen patient carry on. */
  private async shareAgain(): Promise<void> {
    await this.call.display.start();
    if (this.call.display.status === 'live') this.inference.start();
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
    this.inference.detachVideo();
    if (this.source === 'camera') this.camera.stop();
    else {
      this.call.display.stop();
      this.call.forget();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-consultation-view': ResmoConsultationView;
  }
}
