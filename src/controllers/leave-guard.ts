import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { recordingActivity } from '../platform/activity.js';

/**
 * While a recording runs, closing or reloading the tab asks first (the browser's own
 * `beforeunload` question); at any other time the tab closes without a word.
 */
export class LeaveGuard implements ReactiveController {
  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!recordingActivity.active) return;
    event.preventDefault();
    // Older Safari and Chromium ask only when returnValue is set.
    event.returnValue = '';
  };
}
