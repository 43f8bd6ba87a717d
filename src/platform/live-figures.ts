import type { BackendName, StageTimings } from '../shared/protocol.js';

export interface LiveFigureValues {
  backend: BackendName | null;
  /** Frames analysed per second; 0 while the camera is off. */
  fps: number;
  timings: StageTimings | null;
}

/**
 * The technical figures of the running analysis (engine, frame rate, time per stage), kept out
 * of the consultation screen's plain words and shown in Settings › Advanced.
 */
class LiveFigures extends EventTarget {
  #values: LiveFigureValues = { backend: null, fps: 0, timings: null };

  get values(): LiveFigureValues {
    return this.#values;
  }

  set(values: LiveFigureValues): void {
    const old = this.#values;
    if (old.backend === values.backend && old.fps === values.fps && old.timings === values.timings) return;
    this.#values = values;
    this.dispatchEvent(new Event('change'));
  }
}

export const liveFigures = new LiveFigures();
