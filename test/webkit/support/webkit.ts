/**
 * Debian's WebKitGTK (the engine of Safari on iPad and iPhone): MiniBrowser driven through
 * WebKitWebDriver with webdriverio, on its own Xvfb display, under a chosen POSIX locale.
 * scripts/ensure-system-deps.sh installs webkit2gtk-driver, xvfb and the locales.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { remote } from 'webdriverio';
import { freePort } from '../../support/serve-dist';

const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';

function miniBrowserPath(): string | null {
  const arch = existsSync('/usr/lib') ? readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu')) : [];
  const found = arch.map((d) => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`).find((p) => existsSync(p));
  return found ?? null;
}

export const MINIBROWSER = miniBrowserPath();

/** The WebKit tests run where Debian's WebKitGTK driver and Xvfb are installed (CI installs them). */
export function hasWebKit(): boolean {
  return MINIBROWSER !== null && existsSync(DRIVER) && existsSync(XVFB);
}

export type WebKitBrowser = WebdriverIO.Browser;

export interface WebKit {
  browser: WebKitBrowser;
  close(): Promise<void>;
}

/** Starts Xvfb and returns its display (`:N`), picked by Xvfb itself so parallel runs never clash. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(XVFB, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    xvfb.stdout.once('data', (data: Buffer) => resolve({ display: `:${data.toString().trim()}`, process: xvfb }));
  });
}

async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() !== undefined));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`WebKitWebDriver did not listen on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The environment MiniBrowser inherits: `lang` decides what WebKit reports as navigator.language. */
function localeEnv(display: string, lang: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LC_|LANG)/.test(k)));
  return { ...env, DISPLAY: display, LANG: lang, LC_ALL: lang };
}

/** WebKitWebDriver's vendor capability, which webdriverio's types do not list. */
function webkitGtkOptions(binary: string): Record<string, unknown> {
  const args = ['--automation', '--enable-media-stream=true', '--enable-mock-capture-devices=true'];
  return { 'webkitgtk:browserOptions': { binary, args } };
}

/**
 * A fresh MiniBrowser (automation mode keeps no data between sessions) with WebKit's mock camera.
 * `lang` is the machine's locale as WebKit sees it: `en_US.UTF-8`, `es_MX.UTF-8`, `C.UTF-8`…
 */
export async function startWebKit(lang = 'en_US.UTF-8'): Promise<WebKit> {
  if (MINIBROWSER === null) throw new Error('MiniBrowser is missing: run scripts/ensure-system-deps.sh');
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(DRIVER, [`--port=${port}`], { env: localeEnv(xvfb.display, lang), stdio: 'ignore' });
  const stop = (): void => {
    driver.kill();
    xvfb.process.kill();
  };
  try {
    await waitForPort(port);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks classic WebDriver only; webdriverio 9 would ask for BiDi by default.
        'wdio:enforceWebDriverClassic': true,
        ...webkitGtkOptions(MINIBROWSER),
      },
    });
    return {
      browser,
      close: async () => {
        await browser.deleteSession().catch(() => undefined);
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
