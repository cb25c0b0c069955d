import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from './server';

/** Debian's chromium by default; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

const SCREENSHOTS = path.join(ROOT, 'test-results/e2e');

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** Browser journeys are optional on a developer's machine, required in CI: there a missing browser fails. */
export function requireChromium(): void {
  if (chromiumAvailable()) return;
  throw new Error(
    `Chromium not found at ${CHROMIUM_PATH}. The browser journeys are required when CI=true: ` +
      'install Debian\'s "chromium" package or set CHROMIUM_PATH to a Chromium executable.',
  );
}

export function launchBrowser(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface ConsoleEntry {
  url: string;
  text: string;
}

/** One user's visit: a fresh context (no cookies, no stored language), its screenshots and what the console said. */
export interface Journey {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, with the page they happened on. */
  errors: ConsoleEntry[];
  /** The console errors that report a Content Security Policy violation. */
  cspErrors(): ConsoleEntry[];
  /** Saves test-results/e2e/<journey>/<step>.png of the whole page (or the viewport), once the page has settled. */
  shot(step: string, options?: { fullPage?: boolean }): Promise<string>;
  /** The same, at phone size; the viewport goes back to desktop afterwards. */
  phoneShot(step: string): Promise<string>;
  close(): Promise<void>;
}

/** Waits until the passing notices (Ant Design messages) of earlier steps are gone. */
export async function noticesGone(page: Page): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.evaluate('document.fonts.ready.then(() => true)');
  // Ant Design opens drawers, modals and messages with short motions.
  await page.waitForTimeout(400);
}

export async function startJourney(browser: Browser, name: string, baseURL: string): Promise<Journey> {
  const dir = path.join(SCREENSHOTS, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: ConsoleEntry[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push({ url: page.url(), text: msg.text() });
  });
  page.on('pageerror', (err) => errors.push({ url: page.url(), text: `uncaught: ${err.message}` }));

  const shot = async (step: string, { fullPage = true } = {}) => {
    await settle(page);
    const file = path.join(dir, `${step}.png`);
    await page.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
    return file;
  };
  return {
    context,
    page,
    errors,
    cspErrors: () => errors.filter((e) => /content security policy/i.test(e.text)),
    shot,
    phoneShot: async (step) => {
      await page.setViewportSize(PHONE);
      try {
        return await shot(step);
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    },
    close: () => context.close(),
  };
}
