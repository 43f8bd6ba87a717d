/**
 * Whether this browser can read a call window. Desktop Chrome, Edge and Firefox can; phones and
 * tablets have no `getDisplayMedia` (Chrome and Firefox for Android expose none, nor does Safari
 * on iPhone and iPad); Safari on a Mac has it but may offer only the whole screen.
 */
export type DisplaySupport = 'supported' | 'no-display-capture' | 'screen-only';

export interface BrowserFacts {
  secure: boolean;
  hasGetDisplayMedia: boolean;
  userAgent: string;
}

/** Desktop Safari: WebKit without the Chromium, Firefox or Edge tokens, and not on a phone. */
function isDesktopSafari(ua: string): boolean {
  return /Safari\//.test(ua) && /Macintosh/.test(ua) && !/(Chrome|Chromium|CriOS|FxiOS|Firefox|Edg)\//.test(ua);
}

export function displaySupport(facts: BrowserFacts): DisplaySupport {
  if (!facts.secure || !facts.hasGetDisplayMedia) return 'no-display-capture';
  return isDesktopSafari(facts.userAgent) ? 'screen-only' : 'supported';
}

/** The facts of the running browser. */
export function browserFacts(): BrowserFacts {
  return {
    secure: window.isSecureContext,
    hasGetDisplayMedia: typeof navigator.mediaDevices?.getDisplayMedia === 'function',
    userAgent: navigator.userAgent,
  };
}

/**
 * Frames per second asked of the shared window: the call itself rarely sends more than 15–30, and
 * the pipeline reads four-tile galleries at about this rate on a two-core laptop (`npm run bench`).
 */
export const CALL_FRAME_RATE = 15;

/** The options for `getDisplayMedia`: video of a window or tab, never audio, never Resmo itself. */
export function displayMediaOptions(frameRate = CALL_FRAME_RATE): DisplayMediaStreamOptions {
  return {
    video: { frameRate: { ideal: frameRate, max: frameRate } },
    audio: false,
    selfBrowserSurface: 'exclude',
    surfaceSwitching: 'include',
  } as DisplayMediaStreamOptions;
}
