import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { browserFacts, displayMediaOptions, displaySupport, type DisplaySupport } from '../platform/display-support.js';

/**
 * `ended`: the clinician stopped sharing, the call window closed or the shared tab navigated away;
 * `refused`: the picker was cancelled or sharing is not allowed.
 */
export type DisplayStatus = 'idle' | 'starting' | 'live' | 'ended' | 'refused' | 'unsupported';

/** What was shared, as the track's settings say (browsers give no usable title for it). */
export type DisplaySurface = 'browser' | 'window' | 'monitor' | 'unknown';

function surfaceOf(track: MediaStreamTrack): DisplaySurface {
  const surface = (track.getSettings() as { displaySurface?: string }).displaySurface;
  return surface === 'browser' || surface === 'window' || surface === 'monitor' ? surface : 'unknown';
}

/**
 * Owns the shared call window's track: asks for it on a user gesture, notices when sharing ends,
 * and stops it when the host leaves the page. Nothing of the window is kept: frames go to the
 * inference worker and are closed there.
 */
export class DisplayCaptureController implements ReactiveController {
  status: DisplayStatus = 'idle';
  stream: MediaStream | null = null;
  /** What was shared, for the "reading" indicator. */
  surface: DisplaySurface = 'unknown';
  readonly support: DisplaySupport = displaySupport(browserFacts());

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.release();
    this.status = 'idle';
  }

  /** Opens the browser's picker (call from a click). */
  async start(): Promise<void> {
    this.release();
    if (this.support === 'no-display-capture') return this.set('unsupported');
    this.set('starting');
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia(displayMediaOptions());
      const track = stream.getVideoTracks()[0];
      for (const extra of stream.getAudioTracks()) extra.stop();
      if (track === undefined) throw new DOMException('no video track', 'NotFoundError');
      this.stream = stream;
      this.surface = surfaceOf(track);
      track.addEventListener('ended', this.onEnded);
      this.set('live');
    } catch {
      this.set('refused');
    }
  }

  /** The clinician stopped reading the call from Resmo. */
  stop(): void {
    this.release();
    this.set('idle');
  }

  private release(): void {
    for (const track of this.stream?.getTracks() ?? []) {
      track.removeEventListener('ended', this.onEnded);
      track.stop();
    }
    this.stream = null;
  }

  private set(status: DisplayStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  private readonly onEnded = (): void => {
    this.release();
    this.set('ended');
  };
}
