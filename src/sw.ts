/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ON_FIRST_USE } from './shared/on-first-use.js';
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// The app, the worker and the models are in this list, so one visit makes the app work offline.
precacheAndRoute(self.__WB_MANIFEST);
// What only some devices use (a WASM build, a GPU backend's code) is not precached: it is kept
// here the first time the inference worker fetches it, and served from here offline after that.
const FIRST_USE_CACHE = 'resmo-on-first-use';
registerRoute(
  ({ url }) => url.origin === self.location.origin && ON_FIRST_USE.test(url.pathname),
  new CacheFirst({ cacheName: FIRST_USE_CACHE }),
);

/** The test tfjs makes for WASM SIMD: a tiny module with one SIMD instruction. */
const SIMD_TEST = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26, 11,
]);

// The one WASM build this device runs is cached with the app, so the model works offline even if
// the first consultation started before this service worker took control of the page.
self.addEventListener('install', (event: ExtendableEvent) => {
  const simd = (() => {
    try {
      return WebAssembly.validate(SIMD_TEST);
    } catch {
      return false;
    }
  })();
  const url = new URL(simd ? simdWasmUrl : plainWasmUrl, self.location.href).href;
  event.waitUntil(caches.open(FIRST_USE_CACHE).then((cache) => cache.add(url)));
});
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// The first install takes control at once; later versions wait until the user accepts the update prompt.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
