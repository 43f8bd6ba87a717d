/** The app's pages in WebKit through WebDriver: shadow-DOM-deep queries and the app's own signals. */
import type { Session } from '../../../src/storage/schema';
import { readDatabaseInPage, type DatabaseDump } from '../../support/page-database';
import { secondsOfRows } from '../../support/sample-rows';
import type { WebKitBrowser } from './webkit';

/** The first element matching `selector` across shadow roots (webdriverio's deep selector). */
export function deep(browser: WebKitBrowser, selector: string): ReturnType<WebKitBrowser['$']> {
  return browser.$(`>>>${selector}`);
}

/** Text of a deep element, or '' while it is not there. */
export async function deepText(browser: WebKitBrowser, selector: string): Promise<string> {
  const element = deep(browser, selector);
  return (await element.isExisting()) ? (await element.getText()).trim() : '';
}

export async function waitForText(
  browser: WebKitBrowser,
  selector: string,
  expected: string | RegExp,
  timeout = 20_000,
): Promise<void> {
  let last = '';
  await browser.waitUntil(
    async () => {
      last = await deepText(browser, selector);
      return typeof expected === 'string' ? last === expected : expected.test(last);
    },
    { timeout, timeoutMsg: `${selector}: expected ${String(expected)}, last saw "${last}"` },
  );
}

export async function waitForServiceWorker(browser: WebKitBrowser, timeout = 60_000): Promise<void> {
  await browser.waitUntil(() => browser.execute(() => navigator.serviceWorker?.controller != null), {
    timeout,
    timeoutMsg: 'the service worker never took control',
  });
}

export const NAV = { en: /Consultation.*Patients.*Settings/s, es: /Consulta.*Pacientes.*Configuración/s };

/** Chooses another UI language in Settings, as a user would. */
export async function chooseLanguage(browser: WebKitBrowser, url: string, locale: 'en' | 'es'): Promise<void> {
  await browser.url(`${url}#/settings`);
  const select = await deep(browser, 'resmo-settings-view select#language');
  await select.waitForExist({ timeout: 20_000 });
  // WebDriver's option click leaves WebKitGTK's native popup menu open and may not fire `change`.
  await browser.execute(
    (el, value) => {
      (el as unknown as HTMLSelectElement).value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    select,
    locale,
  );
  await waitForText(browser, 'resmo-app nav', NAV[locale]);
}

/**
 * Puts `content` into the patients view's file input and waits for the import to finish; returns
 * the outcome the view shows. The file is built in the page: WebKitWebDriver has no file chooser.
 */
export async function importFile(browser: WebKitBrowser, name: string, content: string): Promise<string> {
  const status = 'resmo-patients-view resmo-import-button [role="status"]';
  const before = Number(await deep(browser, status).getAttribute('data-import-count'));
  const input = await deep(browser, 'resmo-patients-view resmo-import-button input[type="file"]');
  await browser.execute(
    (el, fileName, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'application/json' }));
      (el as unknown as HTMLInputElement).files = transfer.files;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    input,
    name,
    content,
  );
  await browser.waitUntil(async () => Number(await deep(browser, status).getAttribute('data-import-count')) > before, {
    timeout: 30_000,
    timeoutMsg: 'the import never finished',
  });
  return (await deep(browser, status).getAttribute('data-outcome')) ?? '';
}

/** Keeps every file the page hands to `URL.createObjectURL`, so a test can read what was downloaded. */
export async function captureDownloads(browser: WebKitBrowser): Promise<void> {
  await browser.execute(() => {
    const kept: File[] = [];
    (globalThis as unknown as { downloads: File[] }).downloads = kept;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof File) kept.push(object);
      return create(object);
    };
  });
}

export async function lastDownload(browser: WebKitBrowser): Promise<{ name: string; text: string } | null> {
  return await browser.execute(async () => {
    const file = (globalThis as unknown as { downloads: File[] }).downloads.at(-1);
    return file ? { name: file.name, text: await file.text() } : null;
  });
}

/** Marks the first-run welcome done for the server's origin (see test/support/first-run.ts). */
export async function skipWelcome(browser: WebKitBrowser, url: string): Promise<void> {
  await browser.url(`${url}#/settings`);
  // The welcome shows once the app has read the vault's status, i.e. created its database. Leaving the page
  // while WebKitGTK still runs that first upgrade leaves the database unopenable for the rest of the session.
  await deep(browser, 'resmo-welcome').waitForExist({ timeout: 60_000 });
  await browser.execute((key: string) => localStorage.setItem(key, 'done'), 'resmo.first-run');
  // The running page keeps its welcome; a new load reads the flag.
  await browser.refresh();
  await deep(browser, 'resmo-app nav').waitForExist({ timeout: 60_000 });
}

/** Clicks a deep element once it can be clicked. */
export async function click(browser: WebKitBrowser, selector: string, timeout = 20_000): Promise<void> {
  const element = deep(browser, selector);
  await element.waitForClickable({ timeout });
  await element.click();
}

/** The app's IndexedDB as the page sees it. */
export async function dump(browser: WebKitBrowser): Promise<DatabaseDump> {
  return await browser.execute(readDatabaseInPage, 'resmo');
}

/** Types into a field the way WebDriver's typing would, without WebKitGTK's slow key events. */
export async function fill(browser: WebKitBrowser, selector: string, value: string): Promise<void> {
  const element = await deep(browser, selector);
  await element.waitForExist({ timeout: 20_000 });
  await browser.execute(
    (el, v) => {
      (el as unknown as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    element,
    value,
  );
}

/** Turns encryption on from Settings over what is stored; returns once the recovery words were confirmed. */
export async function turnOnEncryption(browser: WebKitBrowser, url: string, passphrase: string): Promise<void> {
  await browser.url(`${url}#/settings`);
  await fill(browser, 'resmo-vault-setup input[name="passphrase"]', passphrase);
  await fill(browser, 'resmo-vault-setup input[name="repeat"]', passphrase);
  await click(browser, 'resmo-vault-setup input[name="understood"]');
  await click(browser, 'resmo-vault-setup button.primary');
  await deep(browser, 'resmo-vault-setup ol.words li').waitForExist({ timeout: 90_000 });
  await click(browser, 'resmo-vault-setup button.primary');
}

/** Sets a form control's value the way a choice by the user does, change event included. */
export async function choose(browser: WebKitBrowser, selector: string, value: string): Promise<void> {
  const element = await deep(browser, selector);
  await element.waitForExist({ timeout: 20_000 });
  await browser.execute(
    (el, v) => {
      (el as unknown as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    element,
    value,
  );
}

/**
 * Records at least `seconds` seconds for a patient with WebKit's mock camera (the consent dialog
 * answered on the way: a verbal consent dated today), then stops and waits for the session to end.
 */
export async function recordSeconds(browser: WebKitBrowser, url: string, patientId: string, seconds: number) {
  const recorded = async () => secondsOfRows((await dump(browser)).samples).length;
  const before = await recorded();
  await browser.url(`${url}#/consultation`);
  await waitForText(browser, 'h1', 'Consultation');
  await click(browser, 'resmo-consultation-view .controls button.source');
  await choose(browser, 'resmo-session-controls select[name="patient"]', patientId);
  await click(browser, 'resmo-session-controls button.start');
  await click(browser, 'resmo-consent-dialog button[type="submit"]');
  await browser.waitUntil(async () => (await recorded()) >= before + seconds, {
    timeout: 60_000,
    timeoutMsg: 'no seconds were recorded',
  });
  await click(browser, 'resmo-session-controls button.stop');
  await browser.waitUntil(async () => (await dump(browser)).sessions?.every((s) => (s as Session).endedAt !== null), {
    timeout: 20_000,
  });
}
