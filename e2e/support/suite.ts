import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { type Api, apiAs } from './api';
import { chromiumAvailable, type Journey, launchBrowser, requireChromium, startJourney } from './browser';
import { type ServerOptions, startServer, type TestServer } from './server';

/** What the journeys of one describe block share: a server, a browser, and what is closed after them. */
export interface JourneySuite {
  /**
   * A new journey (see startJourney), closed after the suite. A failing test also saves a "failure"
   * screenshot of the viewport and prints the browser's console errors: what the browser said helps
   * tell a failing step from a page that did not load at all.
   */
  journey(name: string): Promise<Journey>;
  /** A demo user's own API session (the demo password), disposed after the suite. */
  api(username: string): Promise<Api>;
  /** The running server. */
  readonly server: TestServer;
  /** The shared browser, for contexts a journey opens itself. */
  readonly browser: Browser;
}

/**
 * Call inside the describe: registers its beforeAll (starts the server with these options, then the
 * browser) and afterAll. A missing browser (only possible with CI=true) or a server that does not
 * start fails every journey with its reason instead of skipping it.
 */
export function journeySuite(options: ServerOptions): JourneySuite {
  let server: TestServer;
  let browser: Browser;
  let setupError: unknown = null;
  const journeys: Journey[] = [];
  const apis: Api[] = [];

  beforeAll(async () => {
    if (!chromiumAvailable()) return;
    try {
      server = await startServer(options);
      browser = await launchBrowser();
    } catch (err) {
      setupError = err;
    }
  });

  afterAll(async () => {
    for (const a of apis) await a.dispose().catch(() => {});
    for (const j of journeys) await j.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  function ready(): void {
    requireChromium();
    if (setupError) throw setupError;
  }

  return {
    async journey(name) {
      ready();
      const j = await startJourney(browser, name, server.url);
      journeys.push(j);
      onTestFailed(async () => {
        await j.shot('failure', { fullPage: false }).catch(() => {});
        console.error(`failed on ${j.page.url()}; browser console errors:`, j.errors);
      });
      return j;
    },
    async api(username) {
      ready();
      const a = await apiAs(server.url, username, server.demoPassword!);
      apis.push(a);
      return a;
    },
    get server() {
      ready();
      return server;
    },
    get browser() {
      ready();
      return browser;
    },
  };
}
