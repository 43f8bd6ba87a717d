import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { seedPageSession, syntheticSession, type SeededSession } from './seed-page-session';
import { BACKEND_CHOICE_KEY } from '../../src/platform/backend-choice';
import type { BackendChoiceRecord } from '../../src/shared/protocol';

/** Every screen of the app, by address, with what shows it has rendered its content. */
export interface Screen {
  name: string;
  hash: (seeded: SeededSession) => string;
  ready: string;
}

export const SCREENS: readonly Screen[] = [
  { name: 'consultation', hash: () => '#/consultation', ready: 'resmo-consultation-view resmo-patient-picker select' },
  { name: 'patients', hash: () => '#/patients', ready: 'resmo-patients-view li.card' },
  { name: 'patient', hash: (s) => `#/patients/${s.patient.id}`, ready: 'resmo-patient-page resmo-session-trend' },
  { name: 'report', hash: (s) => `#/sessions/${s.session.id}`, ready: 'resmo-session-review resmo-session-readings' },
  { name: 'settings', hash: () => '#/settings', ready: 'resmo-settings-view resmo-inference-panel' },
  { name: 'privacy', hash: () => '#/privacy', ready: 'resmo-privacy-page section.consent' },
];

export const LOCALES = [
  ['en', 'en-US'],
  ['es', 'es-MX'],
] as const;

export const WIDTHS = [320, 390, 1024] as const;

/** A patient with a name, a birth date and a 20-minute session with markers, as a clinic would have. */
export function clinicPatient(): SeededSession {
  const seeded = syntheticSession(20 * 60, 5 * 60, Date.now() - 3 * 3600_000);
  seeded.patient.code = 'P-7K3F9Q';
  seeded.patient.name = 'María Fernanda Castillo Hernández';
  seeded.patient.birthDate = '1987-04-12';
  return seeded;
}

/** A device where the engines were measured (Settings › Advanced shows the table): WebGPU missing. */
const MEASURED: BackendChoiceRecord = {
  fingerprint: 'screens',
  backend: 'wasm',
  probes: [
    { backend: 'webgpu', ok: false, error: { code: 'backend-unavailable', backend: 'webgpu', message: 'no adapter' } },
    { backend: 'webgl', ok: true, msPerFrame: 1840.6, software: true },
    { backend: 'wasm', ok: true, msPerFrame: 269.6, software: false },
    { backend: 'cpu', ok: true, msPerFrame: 14739.5, software: false },
  ],
};

/** Opens the app once (it creates its database) and writes the patient and the engines' measurement. */
export async function seedApp(page: Page, url: string, seeded: SeededSession): Promise<void> {
  await page.goto(`${url}#/patients`);
  await page.waitForSelector('resmo-app');
  await page.locator('resmo-patients-view h1').waitFor();
  await seedPageSession(page, seeded);
  await page.evaluate(([key, record]) => localStorage.setItem(key, record), [
    BACKEND_CHOICE_KEY,
    JSON.stringify(MEASURED),
  ] as const);
}

/** Opens a screen and waits for its content (deep in shadow roots: playwright's CSS pierces them). */
export async function openScreen(page: Page, url: string, screen: Screen, seeded: SeededSession): Promise<void> {
  await page.goto(`${url}${screen.hash(seeded)}`);
  await page.locator(screen.ready).first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** How much wider than the window the page is, in CSS pixels (0 when nothing scrolls sideways). */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now. It is evaluated through the DevTools protocol, not
 * added as a script tag: the app's Content-Security-Policy rightly refuses inline scripts.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeLike }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

interface AxeLike {
  run(
    context: Document,
    options: object,
  ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
}
