/**
 * The browser's own install prompt (Chromium: Chrome, Edge, Android), kept from the moment it is
 * offered so the first-run help can show an "Install" button. Safari on iPad and iPhone has no
 * such event: there the help shows Share › Add to Home Screen.
 */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallPlatform = 'apple' | 'android' | 'desktop';

let deferred: BeforeInstallPromptEvent | null = null;
let installed = false;
/** Fires 'change' when the prompt becomes available or the app was installed. */
export const installEvents = new EventTarget();

/** Call once at start-up: the event fires early, often before any screen is drawn. */
export function watchInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    installEvents.dispatchEvent(new Event('change'));
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    installed = true;
    installEvents.dispatchEvent(new Event('change'));
  });
}

export function canPromptInstall(): boolean {
  return deferred !== null;
}

/** Opens the browser's install prompt; true when the clinician accepted. */
export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  deferred = null;
  await event.prompt();
  const { outcome } = await event.userChoice;
  installEvents.dispatchEvent(new Event('change'));
  return outcome === 'accepted';
}

/** Running as an installed app (home-screen icon or desktop app window). */
export function isInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return installed || standalone || matchMedia('(display-mode: standalone)').matches;
}

/** Which steps to show first; every platform's steps stay available. iPadOS reports itself as a Mac. */
export function installPlatform(ua = navigator.userAgent, touchPoints = navigator.maxTouchPoints): InstallPlatform {
  if (/iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && touchPoints > 1)) return 'apple';
  if (/Android/.test(ua)) return 'android';
  return 'desktop';
}
