import fs from 'node:fs';
import path from 'node:path';
import type { ControlDashboard, ControlDrillDown, ReportRunDetail } from '@canbo/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, PHONE } from './support/browser';
import { text } from './support/i18n';
import { noneOnAppPages, openEvaluationNav, pickOption, signedIn, signIn, textOf } from './support/pages';
import { ROOT } from './support/server';
import { journeySuite } from './support/suite';

/**
 * Year-end reporting and the control dashboard in a real browser (issue 6): the organisation officer
 * builds the year-end report (Tổng kết năm) of the demo ward (Ba Đình) for this year, follows its
 * progress, reads the preview, downloads the .docx, .xlsx and PDF; then opens the control dashboard
 * on the latest closed cycle (where the demo's reviews changed nothing, so units are flagged), opens
 * the top-ranked unit's red flag and one person's trail. Screenshots of every step and the downloaded
 * files: test-results/e2e/reports/.
 */

const WARD = 'P-BADINH';
const FORMATS = ['docx', 'xlsx', 'pdf'] as const;
/** What each file starts with: a zip (Office Open XML) or a PDF header. */
const MAGIC = { docx: 'PK\u0003\u0004', xlsx: 'PK\u0003\u0004', pdf: '%PDF-' } as const;
/** A Vietnamese figure: thousands with dots, decimals after a comma ("1.234", "41,43%"). */
const VI_PERCENT = /^\d{1,3}(\.\d{3})*,\d+%$/;

interface Unit {
  id: string;
  code: string;
  name: string;
}
interface Cycle {
  id: string;
  label: string;
  unitName: string;
  periodStart: string;
  status: string;
}

const VIEWPORT = { fullPage: false };

/** Clicks a download button and waits for the file; answers its name and bytes. */
async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator(selector).click(),
  ]);
  const failure = await file.failure();
  if (failure) throw new Error(`download of ${selector} failed: ${failure}`);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

describe.skipIf(!chromiumAvailable() && process.env.CI !== 'true')(
  'year-end report and control journey (Chromium)',
  () => {
    const suite = journeySuite({ demo: true });

    it('the officer builds the ward’s year-end report, downloads it three ways and drills into a red flag', async () => {
      const j = await suite.journey('reports');
      const { page } = j;
      const password = suite.server.demoPassword!;
      const year = Number(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
          new Date(),
        ),
      );
      const files = path.join(ROOT, 'test-results/e2e/reports');

      // What the journey needs to know, read through the API.
      const officerApi = await suite.api('tochuc');
      const ward = (
        await officerApi.get<{ items: Unit[] }>(`/api/units?q=${encodeURIComponent('ba dinh')}`)
      ).items.find((u) => u.code === WARD);
      if (!ward) throw new Error(`no ${WARD} in the demo data`);
      const cycles = (await officerApi.get<{ items: Cycle[] }>('/api/cycles?page=1&pageSize=50')).items;
      const closed = cycles
        .filter((c) => c.status === 'closed')
        .sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
      if (!closed) throw new Error(`no closed cycle in the demo data: ${JSON.stringify(cycles)}`);

      // ── 1. The officer builds the year-end report of the ward ───────────────────────────
      await page.goto('/sign-in');
      await signIn(page, 'tochuc', password);
      await signedIn(page);
      expect(await textOf(page, '.app-sider #nav-runs')).toBe(text('vi', 'reports.nav.builder'));
      await page.locator('.app-sider #nav-runs').click();
      await page.waitForURL('**/reports/runs');
      expect(await textOf(page, '.page-title h3')).toBe(text('vi', 'reports.builder.title'));
      await page.locator('#report-template').click();
      await pickOption(page, 'select', text('vi', 'reports.builder.kinds.yearEnd'));
      await page.locator('#report-unit').click();
      await page.locator('#report-unit').fill('Ba Đình');
      await pickOption(page, 'tree', `(${WARD})`);
      await page
        .locator('.ant-segmented-item')
        .filter({ hasText: text('vi', 'reports.builder.wholeYear') })
        .click();
      await page.locator('#report-year').fill(String(year));
      await page.locator('#report-year').blur();
      const field = (id: string) => page.locator('.ant-form-item').filter({ has: page.locator(`#${id}`) });
      expect(await field('report-template').textContent()).toContain(
        text('vi', 'reports.builder.kinds.yearEnd'),
      );
      expect(await field('report-unit').textContent()).toContain(`${ward.name} (${WARD})`);
      await j.shot('01-builder-form', VIEWPORT);

      const created = page.waitForResponse(
        (res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/reports',
      );
      await page.locator('#report-generate').click();
      const response = await created;
      expect(response.status()).toBe(202);
      const runId = ((await response.json()) as { id: string }).id;
      const row = page.locator(`#report-runs tr[data-row-key="${runId}"]`);
      await row.waitFor();
      // The build runs as a job, section by section: the progress shows while it runs.
      if (await row.locator('.report-progress').isVisible()) await j.shot('02-building', VIEWPORT);
      await row
        .locator('.ant-tag')
        .getByText(text('vi', 'reports.builder.states.done'), { exact: true })
        .waitFor({ timeout: 120_000 });
      expect(await row.textContent()).toContain(ward.name);
      expect(await row.textContent()).toContain(`01/01/${year} – 31/12/${year}`);
      await j.shot('03-built');

      // ── 2. The preview ─────────────────────────────────────────────────────────────────
      const run = await officerApi.get<ReportRunDetail>(`/api/reports/${runId}`);
      expect(run.state).toBe('done');
      expect(run.kind).toBe('yearEnd');
      expect(run.files).toEqual({ docx: true, xlsx: true, pdf: true });
      const data = run.data!;
      await row.getByText(text('vi', 'reports.builder.preview'), { exact: true }).click();
      await page.waitForURL(`**/reports/runs/${runId}`);
      const preview = page.locator('#report-preview');
      await preview.waitFor();
      expect(await textOf(page, '#report-preview .report-subject')).toBe(data.subject);
      expect(data.subject).toContain(String(year));
      const first = data.sections[0]!;
      const heading = `${first.number}. ${first.title.toLocaleUpperCase('vi')}`;
      expect(heading).toContain('TÌNH HÌNH ĐỘI NGŨ CÁN BỘ');
      await preview.locator('h5').getByText(heading, { exact: true }).waitFor();
      expect(await preview.locator('.report-section').count()).toBe(data.sections.length);
      // A share written the Vietnamese way, as the run computed it and as the page shows it.
      const share = data.sections
        .flatMap((s) => s.tables.flatMap((t) => t.rows.flat()))
        .find((cell) => VI_PERCENT.test(cell));
      if (!share) throw new Error(`no percentage in the report: ${JSON.stringify(data.sections)}`);
      const cell = preview.locator('.report-table td').getByText(share, { exact: true }).first();
      await cell.waitFor();
      await j.shot('04-preview', VIEWPORT);
      await cell.scrollIntoViewIfNeeded();
      await j.shot('05-preview-table', VIEWPORT);
      await page.evaluate('window.scrollTo(0, 0)');

      // ── 3. The three files ─────────────────────────────────────────────────────────────
      for (const format of FORMATS) {
        const file = await download(page, `#download-${format}`);
        expect(file.name.toLowerCase().endsWith(`.${format}`), file.name).toBe(true);
        expect(file.bytes.subarray(0, MAGIC[format].length).toString('latin1'), format).toBe(MAGIC[format]);
        expect(file.bytes.length, `${format} size`).toBeGreaterThan(5_000);
        fs.writeFileSync(path.join(files, `report.${format}`), file.bytes);
      }

      // ── 4. The control dashboard on the latest closed cycle ─────────────────────────────
      const dashboard = await officerApi.get<ControlDashboard>(
        `/api/control/dashboard?cycleId=${closed.id}&limit=200`,
      );
      // The demo's reviews keep the self-assessed scores: the top-ranked unit is flagged for it.
      const top = dashboard.units[0];
      const topSignal = top?.signals.find((s) => s.fired && s.signal === 'unchangedReview');
      if (!top || !topSignal || topSignal.value === null) {
        throw new Error(
          `the top unit of ${closed.label} is not flagged: ${JSON.stringify(dashboard.units[0])}`,
        );
      }
      /** "90,91%": the API's figure (two decimals at most) as the reader reads it. */
      const shown = `${String(topSignal.value).replace('.', ',')}%`;
      await openEvaluationNav(page, 'nav-control');
      await page.waitForURL('**/control');
      expect(await textOf(page, '.app-sider #nav-control')).toBe(text('vi', 'control.nav.dashboard'));
      await page.locator('#control-kpis').waitFor();
      const loaded = page.waitForResponse(
        (res) => res.url().includes('/api/control/dashboard') && res.url().includes(`cycleId=${closed.id}`),
      );
      await page.locator('#control-cycle').click();
      await page.locator('#control-cycle').fill(closed.label);
      await pickOption(page, 'select', `${closed.label} — ${closed.unitName}`);
      await page.waitForURL(`**/control?cycleId=${closed.id}`);
      await loaded;
      const units = page.locator('#control-units tr.ant-table-row');
      const firstRow = units.first();
      await firstRow.locator('.control-flag').first().waitFor();
      expect(await firstRow.textContent()).toContain(top.unitName);
      expect(await firstRow.getAttribute('class')).toContain('control-row-flagged');
      // The flagged units' tile: how many, of how many.
      const flaggedTile = page.locator('.control-kpi').filter({ hasText: text('vi', 'control.kpi.flagged') });
      expect(await flaggedTile.locator('.ant-statistic-content-value').textContent()).toBe(
        String(dashboard.kpis.flaggedUnits),
      );
      expect(await flaggedTile.locator('.ant-statistic-content-suffix').textContent()).toBe(
        `/ ${dashboard.kpis.units}`,
      );
      expect(dashboard.kpis.flaggedUnits).toBeGreaterThan(0);
      const flag = firstRow.locator(`.control-flag[data-signal="${topSignal.signal}"]`);
      expect(await flag.textContent()).toBe(`${text('vi', 'control.signals.unchangedReview')}: ${shown}`);
      // The figures say when they were computed; the officer has them recomputed now.
      const asOfPrefix = text('vi', 'control.figuresAsOf', { time: '@' }).split('@')[0]!;
      expect(await textOf(page, '#control-as-of')).toMatch(
        new RegExp(`^${asOfPrefix}\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}`),
      );
      const recomputed = page.waitForResponse((res) => res.url().includes('/api/control/figures/refresh'));
      await page.locator('#control-refresh').click();
      expect((await recomputed).status()).toBe(200);
      await firstRow.locator('.control-flag').first().waitFor();
      // Picking the cycle scrolled the page a little: the whole page is shot from its top.
      await page.evaluate('window.scrollTo(0, 0)');
      await j.shot('06-control-dashboard');

      // ── 5. The top unit's red flag: the people behind it ─────────────────────────────────
      const drill = await officerApi.get<ControlDrillDown>(
        `/api/control/units/${top.unitId}/signals/${topSignal.signal}?cycleId=${closed.id}&rootId=${dashboard.unit.id}`,
      );
      expect(drill.people.length).toBeGreaterThan(0);
      await flag.click();
      const drawer = page.locator('.control-drawer');
      await drawer.locator('.ant-drawer-title').waitFor();
      expect(await textOf(page, '.control-drawer .ant-drawer-title')).toBe(
        text('vi', 'control.drawer.title', {
          signal: text('vi', `control.signals.${topSignal.signal}`),
          unit: top.unitName,
        }),
      );
      await drawer
        .locator('.ant-tag')
        .getByText(text('vi', 'control.drawer.fired'), { exact: true })
        .waitFor();
      expect(await drawer.locator('.ant-descriptions-item-content').first().textContent()).toBe(shown);
      const people = drawer.locator('#control-people tr.ant-table-row');
      await people.first().waitFor();
      expect(await people.count()).toBe(Math.min(drill.people.length, 20));
      const person = drill.people[0]!;
      const personRow = drawer.locator(`#control-people tr[data-row-key="${person.evaluationId}"]`);
      expect(await personRow.textContent()).toContain(person.fullName);
      await j.shot('07-drill-people', VIEWPORT);

      // ── 6. One person's trail ──────────────────────────────────────────────────────────
      await personRow.locator('.ant-table-row-expand-icon').click();
      const trail = drawer.locator('.control-trail');
      await trail.waitFor();
      await trail.locator('.ant-timeline-item').first().waitFor();
      expect(await trail.textContent()).toContain(text('vi', 'control.drawer.steps'));
      // The reason of the flag, step by step: the review kept the self-assessed scores.
      expect(await trail.textContent()).toContain(text('vi', 'control.drawer.unchanged'));
      expect(await trail.getByRole('link').getAttribute('href')).toBe(`/evaluations/${person.evaluationId}`);
      await j.shot('08-drill-trail', VIEWPORT);

      // ── 7. On a phone the page stays phone-wide: the tables scroll inside their boxes ──────
      await page.setViewportSize(PHONE);
      await page.goto(`${suite.server.url}/control?cycleId=${closed.id}`);
      await page.locator('#control-units tr.ant-table-row').first().waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await page.locator('#control-units').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate('window.scrollBy(0, -72)'); // below the app's header bar
      await j.shot('09-control-phone', VIEWPORT);

      expect(noneOnAppPages(j.cspErrors())).toEqual([]);
      expect(noneOnAppPages(j.errors.filter((e) => e.text.startsWith('uncaught:')))).toEqual([]);
    });
  },
);
