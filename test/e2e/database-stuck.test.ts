/**
 * When the browser never answers the database's open (WebKitGTK after leaving the page during
 * the first upgrade), the app must not wait on an empty shell: after a time limit and one retry
 * it says what happened, that nothing was lost and what to do, in English and Spanish. The hang
 * here is real: a second page holds an upgrade of the same database open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveDist, type DistServer } from '../support/serve-dist';
import { blankRoute, holdDatabase } from '../support/held-database';
import { skipWelcome } from '../support/first-run';
import { axeViolations } from '../support/axe';

const MESSAGE = 'resmo-app resmo-database-unavailable';

describe('a database that never opens', () => {
  let server: DistServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDist(blankRoute);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['en-US', 'cannot be opened right now', 'Nothing was lost', 'Close the browser completely'],
    ['es-MX', 'no se pueden abrir en este momento', 'No se perdió nada', 'Cierre el navegador por completo'],
  ])('says so in %s instead of waiting forever', async (locale, title, safe, todo) => {
    const context = await browser.newContext({ locale, bypassCSP: true });
    await skipWelcome(context);
    await holdDatabase(context, server.url);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}#/patients`);
    const message = page.locator(MESSAGE);
    // Two attempts of 8 s each, on a shared machine.
    await message.locator('h1').waitFor({ timeout: 60_000 });
    expect(Date.now() - started).toBeGreaterThan(15_000);
    expect(await message.locator('h1').textContent()).toContain(title);
    const text = await message.locator('section').textContent();
    expect(text).toContain(safe);
    expect(text).toContain(todo);
    expect(await page.locator('resmo-app nav').count()).toBe(0);
    expect(await axeViolations(page, ['resmo-app', 'resmo-database-unavailable'])).toEqual([]);
    await context.close();
  });
});
