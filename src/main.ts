import { guardNavigatorLanguages } from './i18n/language-tags.js';
import { showStartFailure } from './start-failure.js';

// First, before any other module loads: uPlot calls `new Intl.NumberFormat(navigator.language)` at load.
guardNavigatorLanguages();
import('./start.js').then(({ start }) => start()).catch(showStartFailure);
