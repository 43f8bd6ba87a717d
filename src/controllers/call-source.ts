import type { ReactiveControllerHost } from 'lit';
import type { Box, FaceResult } from '../shared/protocol.js';
import { CallFaceSelector, type CallSelection } from '../live/call-selector.js';
import { DisplayCaptureController } from './display-capture.js';
import type { FaceSelector } from '../live/frame-readout.js';

/** What a tap on a face of the call does. */
export type TapMode = 'patient' | 'ignore';

/**
 * The video-call source: the shared window's track, and which face of its gallery is the patient.
 * The follower lives as long as the consultation screen, so sharing the same call again finds the
 * patient again by their look.
 */
export class CallSourceController {
  readonly display: DisplayCaptureController;
  tapMode: TapMode = 'patient';
  selection: CallSelection | null = null;
  private readonly selector = new CallFaceSelector();
  /** Whether the worker was told to read mostly the patient, since the last stream was attached. */
  private focused = false;

  /**
   * `focus` tells the inference worker where the followed patient is (when the follower finds
   * them) or that it should read the whole gallery again (when they are missing or not chosen).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly focus: (box: Box | null) => void = () => undefined,
  ) {
    this.display = new DisplayCaptureController(host);
  }

  /** For the live readout: the followed patient and what stops their reading. */
  readonly select: FaceSelector = (faces: readonly FaceResult[], now: number) => {
    this.selection = this.selector.select(faces, now);
    const following = this.selection.face !== null;
    if (following !== this.focused) this.focus(this.selection.face?.box ?? null);
    this.focused = following;
    return this.selection;
  };

  /** A new stream reaches the worker, which starts reading the whole gallery. */
  attached(): void {
    this.focused = false;
  }

  /** A tap on face `index` of the last frame, as the tap mode says. */
  tap(index: number): void {
    const now = performance.now();
    if (this.tapMode === 'patient') this.selector.choose(index, now);
    else {
      this.selector.ignore(index, now);
      this.tapMode = 'patient';
    }
    this.host.requestUpdate();
  }

  setTapMode(mode: TapMode): void {
    this.tapMode = mode;
    this.host.requestUpdate();
  }

  /** The clinician stopped reading the call: the next one starts afresh. */
  stop(): void {
    this.display.stop();
    this.forget();
  }

  /** A new consultation: forget who the patient was. */
  forget(): void {
    this.selector.clear();
    this.selection = null;
    if (this.focused) this.focus(null);
    this.focused = false;
  }
}
