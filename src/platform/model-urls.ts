import type { ModelUrls } from '../shared/protocol.js';

/** The shipped models, next to the app (and in the service worker's precache). */
export function defaultModelUrls(base: string = location.href): ModelUrls {
  const root = new URL(import.meta.env.BASE_URL, base);
  return {
    detector: new URL('models/blazeface/model.json', root).href,
    classifier: new URL('models/resmonet/metadata.json', root).href,
  };
}
