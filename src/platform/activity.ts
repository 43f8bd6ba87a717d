/**
 * Whether a recording is running. The update prompt reads it so that a new version never
 * reloads the page in the middle of a consultation.
 */
class RecordingActivity extends EventTarget {
  #active = false;

  get active(): boolean {
    return this.#active;
  }

  set(active: boolean): void {
    if (active === this.#active) return;
    this.#active = active;
    this.dispatchEvent(new Event('change'));
  }
}

export const recordingActivity = new RecordingActivity();
