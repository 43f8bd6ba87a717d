import type { ReactiveControllerHost } from 'lit';
import { loadPreferences, type Preferences } from '../platform/preferences.js';
import { EventWatch } from './event-watch.js';

/** Calls `apply` with the saved preferences whenever Settings change them, while the host is connected. */
export class PreferencesWatch extends EventWatch {
  constructor(host: ReactiveControllerHost, apply: (preferences: Preferences) => void) {
    super(host, window, 'resmo-preferences', () => apply(loadPreferences()));
  }
}
