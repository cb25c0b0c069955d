import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, PHONE } from './support/browser';
import { text } from './support/i18n';
import { api } from './support/pages';
import { ROOT } from './support/server';
import { journeySuite } from './support/suite';

/**
 * A confidence vote in a real browser: the organisation officer sets up a session for 2 people
 * with 5 voters of one unit, opens it and issues the codes; 5 voters cast their ballots through
 * their links on phone-sized screens; the officer watches turnout reach 5/5, closes the session and
 * reads the result with its shares written the Vietnamese way ("60,00%").
 * Screenshots of every step: test-results/e2e/votes/<step>.png.
 */

interface PersonItem {
  id: string;
  fullName: string;
}
type Level = 'high' | 'confidence' | 'low';

/** Person 1: 3 high, 1 confidence, 1 low (60,00% high). Person 2: 1 high, 2 confidence, 2 low. */
const PLAN: [Level, Level][] = [
  ['high', 'low'],
  ['high', 'confidence'],
  ['high', 'confidence'],
  ['confidence', 'high'],
  ['low', 'low'],
];

async function pick(page: Page, selectId: string, label: string, kind: 'select' | 'tree' = 'select') {
  await page.locator(`#${selectId}`).click();
  await page.locator(`#${selectId}`).fill(label);
  const option =
    kind === 'tree' ? '.ant-select-tree-node-content-wrapper:visible' : '.ant-select-item-option:visible';
  await page.locator(option).filter({ hasText: label }).first().click();
  // Close the dropdown, so that the next select's options are the only ones on screen.
  await page.keyboard.press('Escape');
  await page.locator(option).first().waitFor({ state: 'hidden' });
}

describe.skipIf(!chromiumAvailable() && process.env.CI !== 'true')(
  'confidence vote journey (Chromium)',
  () => {
    const suite = journeySuite({ demo: true });

    it('an officer runs a vote of 5 voters on phones, watches turnout, closes and reads the result', async () => {
      const j = await suite.journey('votes');
      const { page } = j;

      await page.goto('/sign-in');
      await page.locator('#username').fill('tochuc');
      await page.locator('#password').fill(suite.server.demoPassword!);
      await page.locator('#sign-in-submit').click();
      await page.waitForURL((url) => url.pathname === '/');

      // A unit with at least five people: its people are the roster, two of them are voted on.
      const units = await api<
        { items: { id: string; code: string; name: string }[] } | { id: string; code: string; name: string }[]
      >(page, '/api/units?q=ba%20dinh');
      let unit: { id: string; code: string; name: string } | null = null;
      let people: PersonItem[] = [];
      for (const u of Array.isArray(units) ? units : units.items) {
        people = (await api<{ items: PersonItem[] }>(page, `/api/people?unitId=${u.id}&pageSize=50`)).items;
        if (people.length >= 5) {
          unit = u;
          break;
        }
      }
      if (!unit) throw new Error('no Ba Đình unit with five people in the demo data');
      expect(people.length).toBeGreaterThanOrEqual(5);
      const voters = people.slice(0, 5);
      const candidates = people.slice(0, 2);

      // ── 1. Set-up ─────────────────────────────────────────────────────────────────────────
      await page.locator('#nav-votes').click();
      await page.waitForURL('**/votes');
      await page.locator('#vote-create').click();
      await page.locator('#vote-setup-form').waitFor();
      await pick(page, 'vote-unit', unit.name, 'tree');
      await page.locator('#vote-title').fill('Lấy phiếu tín nhiệm giữa nhiệm kỳ 2025–2030');
      await page.locator('#vote-date').fill('20/05/2026');
      await page.locator('#vote-date').press('Enter');
      await page.locator('#vote-place').fill('Hà Nội');
      await page.locator('#vote-number').fill('05-BB/ĐU');
      for (const c of candidates) await pick(page, 'vote-candidates', c.fullName);
      await page.locator('.vote-post').nth(1).waitFor();
      await page.locator('.vote-post').nth(0).fill('Bí thư Đảng ủy');
      await page.locator('.vote-post').nth(1).fill('Phó Bí thư Đảng ủy');
      for (const v of voters) await pick(page, 'vote-voters', v.fullName);
      await j.shot('01-setup');
      await page.locator('#vote-setup-submit').click();
      await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
      const sessionUrl = new URL(page.url()).pathname;

      // ── 2. Open and issue the codes ───────────────────────────────────────────────────────
      await page.locator('#vote-open').click();
      await page.locator('#vote-close').waitFor();
      await page.locator('#vote-issue').click();
      await page.locator('#token-sheet .token-link').nth(4).waitFor();
      const links = (await page.locator('#token-sheet .token-link').allTextContents()).map((l) => l.trim());
      expect(links).toHaveLength(5);
      await j.shot('02-codes-issued');

      // ── 3. Five voters on phones ──────────────────────────────────────────────────────────
      for (const [i, link] of links.entries()) {
        const context = await suite.browser.newContext({
          viewport: PHONE,
          locale: 'vi-VN',
          isMobile: true,
          hasTouch: true,
        });
        const phone = await context.newPage();
        phone.setDefaultTimeout(15_000);
        const shot = (step: string) =>
          phone.screenshot({
            path: path.join(ROOT, 'test-results/e2e/votes', `${step}.png`),
            fullPage: true,
          });
        await phone.goto(link);
        await phone.locator('#choice-1-low').waitFor();
        if (i === 0) await shot('03-ballot-phone');
        for (const [k, level] of PLAN[i]!.entries()) await phone.locator(`#choice-${k}-${level}`).tap();
        if (i === 0) {
          await phone.waitForTimeout(400);
          await shot('04-ballot-marked');
        }
        await phone.locator('#ballot-submit').tap();
        await phone.locator('#ballot-confirm').waitFor();
        if (i === 0) {
          await phone.waitForTimeout(400);
          await shot('05-ballot-confirm');
        }
        await phone.locator('#ballot-confirm').tap();
        await phone.locator('#ballot-thanks').waitFor();
        if (i === 0) {
          await shot('06-ballot-thanks');
          // The same link again: refused, in Vietnamese.
          await phone.goto(link);
          await phone.locator('#ballot-error').getByText('đã được sử dụng', { exact: false }).waitFor();
          await shot('07-ballot-reused');
        }
        await context.close();
      }

      // ── 4. Live turnout, close, result ────────────────────────────────────────────────────
      await page.goto(sessionUrl);
      await page.locator('#turnout-voted').getByText('5/5', { exact: true }).waitFor({ timeout: 10_000 });
      await j.shot('08-turnout-5-of-5');
      await page.locator('#vote-close').click();
      await page.locator('#vote-close-ok').click();
      await page.locator('#vote-result').click();
      await page.waitForURL('**/result');
      await page.locator('#vote-result-table').waitFor();
      const first = page.locator('#vote-result-table tr.ant-table-row').first();
      await first.locator('.share-high').getByText('3 (60,00%)', { exact: true }).waitFor();
      expect(await first.locator('.share-low').textContent()).toBe('1 (20,00%)');
      const second = page.locator('#vote-result-table tr.ant-table-row').nth(1);
      expect(await second.locator('.share-low').textContent()).toBe('2 (40,00%)');
      expect(await page.locator('#result-void').count()).toBe(0);
      await page.locator('#vote-result-chart canvas').waitFor();
      await j.shot('09-result');
      expect(await page.locator('.page-title h3').textContent()).toContain(text('vi', 'votes.result.title'));
      const docx = await page.request.get(`/api${sessionUrl}/record.docx`);
      expect(docx.status()).toBe(200);
      expect(j.cspErrors()).toEqual([]);
    });
  },
);
