/**
 * The Content-Security-Policy the app runs under: a <meta> tag in the built index.html (what a
 * static host serves) and response headers from `npm start`'s preview server (which adds what a
 * meta tag cannot carry: frame-ancestors and the report endpoint).
 *
 * Beyond 'self', only 'wasm-unsafe-eval' (TensorFlow.js's WASM backend and Argon2id from
 * hash-wasm compile WebAssembly), and blob:/data: images. Styles need nothing more: Lit adopts
 * constructed stylesheets, and dynamic values go through the css-props directive (CSSOM), never
 * style attributes.
 *
 * Trusted Types: DOM sinks that can run script (innerHTML, script URLs of workers and the service
 * worker) take only values made by a named policy: `lit-html` (Lit's own, for its templates) and
 * `resmo-script-url` (src/shared/trusted-types.ts: the app's own scripts only). No `default`
 * policy, so any other string handed to such a sink is refused and reported.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  // Sync talks to the clinic's own server, whose address is only known once typed in Settings:
  // any HTTPS origin, and plain HTTP only on this machine (the local test server).
  'connect-src': "'self' https: http://127.0.0.1:* http://localhost:*",
  'img-src': "'self' blob: data:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'require-trusted-types-for': "'script'",
  'trusted-types': 'lit-html resmo-script-url',
};

export const CSP_REPORT_PATH = '/csp-report';

function serialize(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** For the <meta> tag (frame-ancestors and report-uri are ignored there by the spec). */
export const CSP_META = serialize(CSP_DIRECTIVES);

/** For response headers. */
export const CSP_HEADER = serialize({
  ...CSP_DIRECTIVES,
  'frame-ancestors': "'none'",
  'report-uri': CSP_REPORT_PATH,
});

/** Headers `npm start` sends with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
};
