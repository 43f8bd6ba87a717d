import { Workbox } from 'workbox-window';
import { recordingActivity } from './platform/activity.js';
import { trustedScriptUrl } from './shared/trusted-types.js';

export interface UpdateHandle {
  /** Activates the waiting service worker; the page reloads once it has taken control, never mid-recording. */
  apply(): void;
}

/**
 * Registers the service worker and calls `onUpdate` when a new version is waiting.
 * Nothing reloads by itself: the user chooses, and a running recording defers the reload.
 */
export function registerServiceWorker(onUpdate: (update: UpdateHandle) => void): Workbox | null {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return null;
  const wb = new Workbox(trustedScriptUrl(`${import.meta.env.BASE_URL}sw.js`), { scope: import.meta.env.BASE_URL });
  let userAsked = false;
  wb.addEventListener('waiting', () => {
    onUpdate({
      apply: () => {
        userAsked = true;
        wb.messageSkipWaiting();
      },
    });
  });
  wb.addEventListener('controlling', () => {
    if (userAsked) reloadWhenIdle();
  });
  void wb.register();
  return wb;
}

function reloadWhenIdle(): void {
  if (!recordingActivity.active) {
    location.reload();
    return;
  }
  recordingActivity.addEventListener('change', function wait() {
    if (recordingActivity.active) return;
    recordingActivity.removeEventListener('change', wait);
    location.reload();
  });
}
