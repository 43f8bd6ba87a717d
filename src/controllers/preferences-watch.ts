import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadPreferences, type Preferences } from '../platform/preferences.js';

/** Calls `apply` with the saved preferences whenever Settings change them, while the host is connected. */
export class PreferencesWatch implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly apply: (preferences: Preferences) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('resmo-preferences', this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('resmo-preferences', this.onChange);
  }

  private readonly onChange = (): void => this.apply(loadPreferences());
}
