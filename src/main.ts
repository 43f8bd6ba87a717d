import { applyLocale, initialLocale } from './i18n/localization.js';
import { registerServiceWorker } from './pwa.js';
import './components/resmo-app.js';

await applyLocale(initialLocale());
registerServiceWorker((update) => document.querySelector('resmo-app')?.offerUpdate(update));
