import type { Page } from 'playwright-core';

const BUTTON = 'resmo-patients-view resmo-import-button';

/**
 * Chooses `content` in the patients view's import input, as a user would, and waits until that
 * import has finished. Returns the outcome the view shows: 'done' or 'failed'.
 */
export async function importThroughUi(page: Page, name: string, content: string | Buffer): Promise<string> {
  const status = page.locator(`${BUTTON} [role="status"]`);
  const before = Number(await status.getAttribute('data-import-count'));
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await page.locator(`${BUTTON} input[type="file"]`).setInputFiles({ name, mimeType: 'application/json', buffer });
  await page.waitForFunction(
    ({ selector, count }) => {
      const host = document.querySelector('resmo-app')?.shadowRoot?.querySelector('resmo-patients-view');
      const el = host?.shadowRoot?.querySelector(selector)?.shadowRoot?.querySelector('[role="status"]');
      return Number(el?.getAttribute('data-import-count')) > count;
    },
    { selector: 'resmo-import-button', count: before },
    { timeout: 30_000 },
  );
  return (await status.getAttribute('data-outcome')) ?? '';
}
