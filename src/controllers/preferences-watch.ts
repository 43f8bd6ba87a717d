import type { ReactiveControllerHost } from 'lit';
import { loadPreferences, type Preferences } from '../platform/preferences.js';
import { WindowEventWatch } from './window-event-watch.js';

/** Calls `apply` with the saved preferences whenever Settings change them, while the host is connected. */
export class PreferencesWatch extends WindowEventWatch {
  constructor(host: ReactiveControllerHost, apply: (preferences: Preferences) => void) {
    super(host, 'resmo-preferences', () => apply(loadPreferences()));
  }
}
