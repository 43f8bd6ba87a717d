import { applyLocale, initialLocale } from './i18n/localization.js';
import { registerServiceWorker } from './pwa.js';
import { watchInstallPrompt } from './platform/install-prompt.js';
import { watchSync } from './controllers/sync-runner.js';
import './components/resmo-app.js';

/** Shows the app in the user's language and registers the service worker. */
export async function start(): Promise<void> {
  watchInstallPrompt();
  await applyLocale(initialLocale());
  watchSync();
  registerServiceWorker((update) => document.querySelector('resmo-app')?.offerUpdate(update));
}
