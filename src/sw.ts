/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// The model, the worker and the wasm binaries are all in this list, so one visit makes the app work offline.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// The sync code is left out of the precache (a clinic that never turns sync on never downloads
// it); once a device has fetched it, it is kept here so sync also starts offline.
const SYNC_CODE = /\/assets\/sync-[\w-]+\.js$/;
registerRoute(
  ({ url }) => url.origin === self.location.origin && SYNC_CODE.test(url.pathname),
  async ({ request }) => {
    const cache = await caches.open('resmo-sync-code');
    const hit = await cache.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) {
      for (const old of await cache.keys()) await cache.delete(old);
      await cache.put(request, response.clone());
    }
    return response;
  },
);

// The first install takes control at once; later versions wait until the user accepts the update prompt.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
