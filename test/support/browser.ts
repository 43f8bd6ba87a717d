import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-flags';
import { skipWelcome } from './first-run';

export interface LaunchOptions {
  /** Show the first-run welcome to new contexts (default: marked done, see skipWelcome). */
  welcome?: boolean;
}

/** Launches Debian's headless Chromium with the project's flags plus `extraArgs`. */
export async function launchChromium(extraArgs: readonly string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  if (!options.welcome) {
    // browser.newPage() goes through newContext too.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (contextOptions) => {
      const context = await newContext(contextOptions);
      await skipWelcome(context);
      return context;
    };
  }
  return browser;
}
