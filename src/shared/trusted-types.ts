/**
 * Trusted Types: the policy requires every script URL the page hands to the browser (the inference
 * worker, the service worker) and the inference worker hands to it (its detector worker) to come
 * from this one policy, made once per realm, and HTML to come from Lit's own
 * `lit-html` policy. A script URL is accepted only on this origin, under the app's base path and
 * ending in `.js`; anything else throws, so an injected `new Worker('https://…')` cannot start.
 */

/** Only what this file uses of the Trusted Types API (not in TypeScript's DOM library yet). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): object;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

/** The policy's name, listed in the CSP's `trusted-types` directive (scripts/csp.ts). */
export const SCRIPT_URL_POLICY = 'resmo-script-url';

let policy: ScriptUrlPolicy | null | undefined;

/** Throws unless `url` is one of the app's own scripts. */
export function checkScriptUrl(url: string, base: string): string {
  const resolved = new URL(url, base);
  const root = new URL(import.meta.env.BASE_URL, base);
  if (resolved.origin !== root.origin || !resolved.pathname.startsWith(root.pathname))
    throw new TypeError(`Not one of the app's scripts: ${resolved.href}`);
  // The dev server serves the worker from its TypeScript source; the build only ever has .js files.
  const script = import.meta.env.DEV ? /\.[jt]s$/ : /\.js$/;
  if (!script.test(resolved.pathname)) throw new TypeError(`Not a script: ${resolved.href}`);
  return resolved.href;
}

function scriptUrlPolicy(): ScriptUrlPolicy | null {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  policy ??= factory
    ? factory.createPolicy(SCRIPT_URL_POLICY, { createScriptURL: (url) => checkScriptUrl(url, location.href) })
    : null;
  return policy;
}

/**
 * The URL as a TrustedScriptURL where the browser has Trusted Types (Chromium), else as the checked
 * string (WebKit, Firefox). Typed as a string: that is what `new Worker` and `register` are declared
 * to take, and a TrustedScriptURL stringifies to its URL.
 */
export function trustedScriptUrl(url: string | URL): string {
  const href = typeof url === 'string' ? url : url.href;
  const trusted = scriptUrlPolicy();
  return trusted ? (trusted.createScriptURL(href) as unknown as string) : checkScriptUrl(href, location.href);
}
