import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/browser';
import { text } from './support/i18n';
import { api, noneOnAppPages, pickOption, signIn, textOf } from './support/pages';
import { journeySuite } from './support/suite';

/**
 * People and the org tree in a real browser: an administrator imports 20 people from the people
 * template, finds a person by a name typed
 * without diacritics, downloads the résumé (.docx), then merges Phường Ba Đình and Phường Hoàn
 * Kiếm into a new ward through the wizard and finds Ba Đình's people in the new ward.
 * Screenshots of every step: test-results/e2e/org-people/<step>.png.
 */

const NEW_WARD = {
  code: 'P-HOANKIEM-BADINH',
  name: 'Phường Hoàn Kiếm – Ba Đình',
};

interface PersonItem {
  id: string;
  fullName: string;
}

interface UnitItem {
  id: string;
  code: string;
  name: string;
}

/** The name as typed on a keyboard without Vietnamese input: no diacritics, đ as d, lower case. */
function plain(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Today in Việt Nam as dd/mm/yyyy, the wizard's default effective date. */
function todayInVietnam(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
  return parts;
}

async function unitByCode(page: Page, q: string, code: string): Promise<UnitItem> {
  const units = await api<UnitItem[] | { items: UnitItem[] }>(page, `/api/units?q=${encodeURIComponent(q)}`);
  const list = Array.isArray(units) ? units : units.items;
  const unit = list.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code} in GET /api/units?q=${q}: ${JSON.stringify(list)}`);
  return unit;
}

const IMPORTED = 20;

/** The people template from the server with `IMPORTED` new people of Ba Đình's office, by its header row. */
async function filledPeopleTemplate(page: Page): Promise<Buffer> {
  const res = await page.request.get('/api/imports/templates/people.xlsx');
  expect(res.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.body()) as unknown as ExcelJS.Buffer);
  for (const sheet of book.worksheets) {
    for (let r = 1; r <= 5; r++) {
      const columns = new Map<string, number>();
      sheet.getRow(r).eachCell((cell, col) => columns.set(String(cell.value ?? '').trim(), col));
      if (!columns.has('Họ và tên')) continue;
      const column = (header: string) => {
        const col = columns.get(header);
        if (!col) throw new Error(`the people template has no "${header}" column: ${[...columns.keys()]}`);
        return col;
      };
      for (let i = 1; i <= IMPORTED; i++) {
        const row = sheet.getRow(r + i);
        const sex = i % 2 ? 'Nữ' : 'Nam';
        row.getCell(column('Mã cán bộ')).value = `E2E${String(i).padStart(4, '0')}`;
        row.getCell(column('Họ và tên')).value = `${sex === 'Nữ' ? 'Lê Thị' : 'Đỗ Văn'} Nhập Thử ${i}`;
        row.getCell(column('Giới tính')).value = sex;
        row.getCell(column('Ngày sinh (dd/mm/yyyy)')).value = `${String(i).padStart(2, '0')}/03/19${70 + i}`;
        row.getCell(column('Đơn vị (mã)')).value = 'P-BADINH-VP';
        row.getCell(column('Đối tượng')).value = 'Công chức';
        row.commit();
      }
      return Buffer.from(await book.xlsx.writeBuffer());
    }
  }
  throw new Error('the people template has no header row with "Họ và tên"');
}

describe.skipIf(!chromiumAvailable() && process.env.CI !== 'true')(
  'org and people journeys (Chromium)',
  () => {
    const suite = journeySuite({ demo: true });

    it('an administrator imports people, finds one without diacritics, downloads the résumé, and merges two wards', async () => {
      const j = await suite.journey('org-people');
      const { page } = j;

      await page.goto('/sign-in');
      await page.locator('#username').waitFor();
      await signIn(page, 'admin', suite.server.adminPassword);
      await page.waitForURL((url) => url.pathname === '/');
      await page.locator('#welcome').waitFor();

      // A real seeded person (chosen before the import adds newer ones), found later by the name typed
      // without diacritics.
      const some = await api<{ items: PersonItem[] }>(page, '/api/people?pageSize=20');
      const person = some.items.find(
        (p) => !p.fullName.includes('Nhập Thử') && /^[a-z ]+$/.test(plain(p.fullName)),
      );
      if (!person)
        throw new Error(`no seeded person in ${JSON.stringify(some.items.map((p) => p.fullName))}`);
      const typed = plain(person.fullName);

      // Import: the people template filled with 20 new people, uploaded on the imports page.
      const filled = await filledPeopleTemplate(page);
      await page.goto('/imports');
      await page.locator('#import-kind').waitFor();
      await page
        .locator('#import-kind .ant-segmented-item')
        .filter({ hasText: text('vi', 'imports.kinds.people') })
        .click();
      await page.locator('#import-template').waitFor();
      await j.shot('00-imports');
      await page
        .locator('input#import-upload[type=file], #import-upload input[type=file]')
        .first()
        .setInputFiles({
          name: 'nhap-thu-e2e.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: filled,
        });
      await page.locator('#import-result').waitFor({ timeout: 60_000 });
      expect(await textOf(page, '#import-result .ant-alert-description')).toBe(
        text('vi', 'imports.counts', { created: String(IMPORTED), updated: '0', unchanged: '0' }),
      );
      await j.shot('00-imports-result');

      await page.goto('/people');
      await page.locator('#people-table .ant-table-row').first().waitFor();
      await j.shot('01-people');
      await j.phoneShot('01-people-phone');
      const searched = page.waitForResponse(
        (res) => res.url().includes('/api/people?') && new URL(res.url()).searchParams.has('q'),
      );
      await page.locator('#people-search').fill(typed);
      await searched;
      const link = page.locator(`#people-table a.person-link[href="/people/${person.id}"]`);
      await link.waitFor();
      expect((await link.textContent())?.trim()).toBe(person.fullName);
      await j.shot('02-people-search');
      await j.phoneShot('02-people-search-phone');

      // The profile and its résumé as a Word document.
      await link.click();
      await page.waitForURL(`**/people/${person.id}`);
      await page.locator('#person-tabs').waitFor();
      expect(await textOf(page, '.page-title h3')).toContain(person.fullName);
      await j.shot('03-profile');
      await j.phoneShot('03-profile-phone');
      const downloading = page.waitForEvent('download');
      await page.locator('#resume-download').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = await download.path();
      const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
      expect(head).toBe('PK');

      // A new post's group of similar posts is offered by name, typed without diacritics; the code is kept.
      await page.goto(`/people/${person.id}?tab=career`);
      await page.locator('#add-position').click();
      await page.locator('#position-form_titleGroup').fill('chuyen');
      const suggestion = page.locator('.ant-select-item-option', { hasText: '(specialist)' });
      expect(await suggestion.textContent()).toBe(`${text('vi', 'titleGroups.specialist')} (specialist)`);
      await j.shot('03-position-group');
      await suggestion.click();
      expect(await page.locator('#position-form_titleGroup').inputValue()).toBe('specialist');
      await page.locator('.ant-modal-footer button').first().click();
      await page.locator('.ant-modal').waitFor({ state: 'hidden' });

      // Before the merge: the two wards and one person of Ba Đình.
      const baDinh = await unitByCode(page, 'ba dinh', 'P-BADINH');
      const hoanKiem = await unitByCode(page, 'hoan kiem', 'P-HOANKIEM');
      const baDinhPeople = await api<{ items: PersonItem[]; total: number }>(
        page,
        `/api/people?unitId=${baDinh.id}&pageSize=100`,
      );
      expect(baDinhPeople.items.length).toBeGreaterThan(0);
      const baDinhIds = new Set(baDinhPeople.items.map((p) => p.id));

      // The wizard: the two wards, then a new ward.
      await page.goto('/org');
      await page.locator('#org-tree').waitFor();
      await page.locator('#org-tree [data-code="P-BADINH"]').first().waitFor();
      await j.shot('04-org-tree');
      await page.locator('#merge-start').click();
      await page.waitForURL('**/org/restructure/merge**');
      await page.locator('#merge-wizard').waitFor();
      await page.locator('#merge-units').click();
      await page.locator('#merge-units').fill('Ba Đình');
      await pickOption(page, 'tree', `${baDinh.name} (${baDinh.code})`);
      await page.locator('#merge-units').fill('Hoàn Kiếm');
      await pickOption(page, 'tree', `${hoanKiem.name} (${hoanKiem.code})`);
      await page.keyboard.press('Escape');
      const chosen = page.locator('#merge-units-list .ant-table-row');
      await chosen.filter({ hasText: baDinh.code }).waitFor();
      await chosen.filter({ hasText: hoanKiem.code }).waitFor();
      expect(await chosen.count()).toBe(2);
      await j.shot('05-merge-units');

      await page.locator('#merge-next').click();
      await page.locator('#merge-target-new').waitFor();
      await page.locator('#merge-target-new').check();
      await page.locator('#merge-new-code').fill(NEW_WARD.code);
      await page.locator('#merge-new-name').fill(NEW_WARD.name);
      await page.locator('#merge-new-type').click();
      await pickOption(page, 'select', text('vi', 'unitTypes.commune'));
      expect(await page.locator('#merge-date').inputValue()).toBe(todayInVietnam());
      await j.shot('06-merge-target');

      // The preview counts what will change; two wards close.
      await page.locator('#merge-preview').click();
      await page.locator('#preview-panel').waitFor();
      await page.locator('#preview-counts').waitFor();
      expect(await textOf(page, '#preview-counts [data-count="unitsClosed"]')).toBe('2');
      await j.shot('07-merge-preview');

      await page.locator('#merge-confirm').click();
      await page.locator('#change-result').waitFor();
      await j.shot('08-merge-result');

      // The new ward holds Ba Đình's people.
      await page.locator('#result-open-unit').first().click();
      await page.waitForURL('**/org/units/**');
      expect(await textOf(page, '#unit-code')).toBe(NEW_WARD.code);
      const newId = new URL(page.url()).pathname.split('/').at(-1)!;
      await page.locator('#unit-tabs-tab-people').click();
      await page.locator('#unit-people .ant-table-row').first().waitFor();
      const inNew = await api<{ items: PersonItem[]; total: number }>(
        page,
        `/api/people?unitId=${newId}&pageSize=20`,
      );
      const fromBaDinh = inNew.items.filter((p) => baDinhIds.has(p.id));
      expect(fromBaDinh.length).toBeGreaterThan(0);
      expect(inNew.total).toBeGreaterThanOrEqual(baDinhPeople.total);
      const shown = await page.locator('#unit-people a.person-link').allTextContents();
      expect(shown.map((s) => s.trim())).toContain(fromBaDinh[0]!.fullName);
      await j.shot('09-new-ward-people');

      expect(noneOnAppPages(j.cspErrors())).toEqual([]);
      expect(noneOnAppPages(j.errors.filter((e) => e.text.startsWith('uncaught:')))).toEqual([]);
    });
  },
);
