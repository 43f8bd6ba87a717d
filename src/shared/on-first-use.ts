/**
 * Built files that a device fetches only if it uses them, cached by the service worker on that
 * first use instead of precached: the two WASM builds (a device needs one) and the chunks of the
 * tfjs backends other than WASM, of the Keras-layers loader, and of the opt-in sync. `vite.config.ts` keeps them out
 * of the precache manifest with the same pattern.
 */
export const ON_FIRST_USE =
  /\/assets\/(tfjs-backend-[\w-]+\.wasm|tfjs-(webgl|webgpu|cpu|layers)-[\w-]+\.js|sync-[\w-]+\.js)$/;
