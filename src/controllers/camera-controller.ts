import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraError, cameraErrorFrom } from '../platform/camera-errors.js';

export type CameraStatus = 'idle' | 'starting' | 'live' | 'paused' | 'error';

export interface CameraChoice {
  deviceId?: string;
  /** Requested frame height; the camera picks the closest it has. */
  height: number;
}

/** How long the app may stay hidden before the camera is released (it resumes on return). */
export const HIDDEN_GRACE_MS = 30_000;

/**
 * Owns the camera track: starts on a user gesture, stops when the host leaves the page,
 * releases the camera when the app stays hidden, and reports a lost camera as an error.
 */
export class CameraController implements ReactiveController {
  status: CameraStatus = 'idle';
  error: CameraError | null = null;
  stream: MediaStream | null = null;
  devices: MediaDeviceInfo[] = [];
  /** Front cameras show a mirror image, the way people expect to see themselves. */
  mirrored = true;

  private choice: CameraChoice = { height: 480 };
  private hiddenTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.hiddenTimer);
    this.release();
    this.status = 'idle';
  }

  async start(choice: CameraChoice = this.choice): Promise<void> {
    this.choice = choice;
    this.release();
    this.set('starting', null);
    try {
      if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) throw new CameraError('insecure');
      const stream = await navigator.mediaDevices.getUserMedia({ video: this.constraints(choice), audio: false });
      this.attach(stream);
      this.devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      this.set('live', null);
    } catch (error) {
      this.set('error', error instanceof CameraError ? error : cameraErrorFrom(error));
    }
  }

  stop(): void {
    clearTimeout(this.hiddenTimer);
    this.release();
    this.set('idle', null);
  }

  private constraints(choice: CameraChoice): MediaTrackConstraints {
    const size = { height: { ideal: choice.height }, width: { ideal: Math.round((choice.height * 4) / 3) } };
    return choice.deviceId ? { ...size, deviceId: { exact: choice.deviceId } } : { ...size, facingMode: 'user' };
  }

  private attach(stream: MediaStream): void {
    this.stream = stream;
    const track = stream.getVideoTracks()[0];
    const facing = track?.getSettings().facingMode;
    this.mirrored = facing !== 'environment';
    track?.addEventListener('ended', this.onTrackEnded);
  }

  private release(): void {
    for (const track of this.stream?.getTracks() ?? []) {
      track.removeEventListener('ended', this.onTrackEnded);
      track.stop();
    }
    this.stream = null;
  }

  private set(status: CameraStatus, error: CameraError | null): void {
    this.status = status;
    this.error = error;
    this.host.requestUpdate();
  }

  private readonly onTrackEnded = (): void => {
    this.release();
    this.set('error', new CameraError('lost'));
  };

  private readonly onVisibility = (): void => {
    clearTimeout(this.hiddenTimer);
    if (document.visibilityState === 'hidden' && this.status === 'live') {
      this.hiddenTimer = setTimeout(() => {
        this.release();
        this.set('paused', null);
      }, HIDDEN_GRACE_MS);
    } else if (document.visibilityState === 'visible' && this.status === 'paused') {
      void this.start();
    }
  };
}
