import { annualRuleSetById } from '@canbo/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, DESKTOP, noticesGone } from './support/browser';
import { text } from './support/i18n';
import {
  noneOnAppPages,
  openEvaluationNav,
  pickOption,
  signedIn,
  signIn,
  signOut,
  textOf,
} from './support/pages';
import { journeySuite } from './support/suite';

/**
 * The annual review in a real browser (issue 5): the organisation officer opens this year's annual
 * review period for the demo ward (Ba Đình), waits for the roll-up job to enrol everyone and records
 * the economic office's review meeting; the staff member writes the self-review (bản tự kiểm điểm) on
 * a 360 px phone; the office's manager proposes a grade on the classification board; the ward's
 * head decides on the board and publishes; the officer finds the result filed on the person's page
 * and records a leave period there. Screenshots of every step: test-results/e2e/annual/<step>.png.
 */

/** The narrowest phone the self-review must work on. */
const SMALL_PHONE = { width: 360, height: 780 };

const WARD = 'P-BADINH';
const OFFICE = 'P-BADINH-KT';
const SELF_REVIEW =
  'Ưu điểm: hoàn thành đúng hạn việc số hóa hồ sơ cán bộ của phường, chủ động đề xuất cải tiến biểu mẫu.\n' +
  'Khuyết điểm: còn chậm cập nhật một số biến động nhân sự.\n' +
  'Nguyên nhân: khối lượng công việc cuối năm lớn.\n' +
  'Biện pháp khắc phục: lập lịch cập nhật hằng tuần.';

/** Picks an option of the Ant Design select with this id by its label. */
async function choose(page: Page, selectId: string, label: string): Promise<void> {
  await page.locator(`#${selectId}`).click();
  await pickOption(page, 'select', label);
}

const VIEWPORT = { fullPage: false };

describe.skipIf(!chromiumAvailable() && process.env.CI !== 'true')('annual review journey (Chromium)', () => {
  const suite = journeySuite({ demo: true });

  it('the officer opens the period, staff self-review on a phone, the manager proposes, the head decides and publishes', async () => {
    const j = await suite.journey('annual');
    const { page } = j;
    const password = suite.server.demoPassword!;
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
    );

    // What the journey needs to know, read through the API.
    const officerApi = await suite.api('tochuc');
    const staffApi = await suite.api('chuyenvien');
    const units = await officerApi.get<{ items: { id: string; code: string; name: string }[] }>(
      `/api/units?q=${encodeURIComponent('ba dinh')}`,
    );
    const ward = units.items.find((u) => u.code === WARD);
    const office = (
      await officerApi.get<{ items: { id: string; code: string; name: string }[] }>(
        `/api/units?q=${encodeURIComponent('kinh te ba dinh')}`,
      )
    ).items.find((u) => u.code === OFFICE);
    if (!ward || !office) throw new Error(`no ${WARD} / ${OFFICE} in the demo data`);
    const staff = await staffApi.get<{ id: string; fullName: string }>('/api/people/me');

    // ── 1. The officer opens the annual period for the ward ─────────────────────────────
    // The demo may already hold this year's period of the ward (one per subtree and year): then the
    // officer finds it and has the proposals computed again; else the officer opens it.
    const seeded = (
      await officerApi.get<{ items: { id: string }[] }>(`/api/review-periods?unitId=${ward.id}&year=${year}`)
    ).items[0];
    await page.goto('/sign-in');
    await signIn(page, 'tochuc', password);
    await signedIn(page);
    await openEvaluationNav(page, 'nav-periods');
    await page.waitForURL('**/annual/periods');
    await page.locator('#periods-table').waitFor();
    await page.locator('#period-create').click();
    await page.locator('#period_unitId').click();
    await page.locator('#period_unitId').fill('Ba Đình');
    await page
      .locator('.ant-select-tree-node-content-wrapper:visible')
      .filter({ hasText: `(${WARD})` })
      .first()
      .click();
    await j.shot('01-officer-create-drawer', VIEWPORT);
    if (seeded) {
      await page.locator('.ant-drawer .ant-drawer-extra .ant-btn').first().click();
      await page.goto(`/annual/periods/${seeded.id}`);
      await page.locator('#period-prepare').click();
    } else {
      await page.locator('#period-save').click();
    }
    await page.waitForURL(/\/annual\/periods\/[0-9a-f-]{36}$/);
    const periodUrl = new URL(page.url()).pathname;
    const periodId = periodUrl.split('/').at(-1)!;
    // The job of a ward takes a moment: the progress bar shows while it runs.
    if (await page.locator('#period-preparing').isVisible())
      await j.shot('02-officer-period-preparing', VIEWPORT);
    await page
      .locator('#period-state')
      .getByText(text('vi', 'annual.periods.states.open'), { exact: true })
      .waitFor({ timeout: 120_000 });
    await page.locator(`#period-units tr[data-row-key="${office.id}"]`).waitFor();
    expect(Number(await textOf(page, '#count-people .figure-value'))).toBeGreaterThan(0);
    await j.shot('03-officer-period-open');

    // The office's review meeting, recorded by the officer on the unit's board.
    await page.goto(`${periodUrl}/units/${office.id}`);
    await page.locator('#board-table').waitFor();
    await page.locator('#meeting_meetingDate').fill(`15/12/${year}`);
    await page.locator('#meeting_meetingDate').press('Enter');
    await page.locator('#meeting_present').fill('9');
    await page.locator('#meeting_summoned').fill('10');
    await page.locator('#meeting_chairedBy').fill('Lê Thị Thu Hà');
    await page
      .locator('#meeting_minutes')
      .fill('Tập thể thống nhất nhận xét từng đồng chí; không có ý kiến khác.');
    await page.locator('#meeting-save').click();
    await page.locator('.meeting-card .ant-tag').getByText(text('vi', 'annual.meeting.recorded')).waitFor();
    await noticesGone(page).catch(() => {});
    await j.shot('04-officer-board-meeting');

    // The period in the list, found without diacritics.
    await page.goto('/annual/periods');
    await page.locator('#periods-search').fill('ba dinh');
    await page.locator(`#periods-table tr[data-row-key="${periodId}"]`).waitFor();
    await j.shot('05-officer-period-list');
    await signOut(page);

    // ── 2. The staff member writes the self-review on a 360 px phone ─────────────────────
    await page.setViewportSize(SMALL_PHONE);
    await signIn(page, 'chuyenvien', password);
    await signedIn(page);
    await page.locator('#nav-toggle').click();
    await page.locator('.nav-drawer').getByText(text('vi', 'evaluations.nav.group'), { exact: true }).click();
    await page.locator('.nav-drawer #nav-annual-mine').click();
    await page.waitForURL('**/annual/mine');
    const mine = await staffApi.get<{ items: { id: string; periodId: string; track: string }[] }>(
      '/api/annual-reviews/mine',
    );
    const reviewId = mine.items.find((r) => r.periodId === periodId && r.track === 'state')?.id;
    if (!reviewId) throw new Error(`the staff member has no state-track review: ${JSON.stringify(mine)}`);
    const stateItem = page.locator(`#my-review-${reviewId}`);
    await stateItem.waitFor();
    await j.shot('06-staff-mine-phone');
    await stateItem.click();
    await page.waitForURL(`**/annual/reviews/${reviewId}`);
    await page.locator('#self-review-text').waitFor();
    expect(await textOf(page, '.page-title h3')).toBe(staff.fullName);
    expect(await textOf(page, '#eligibility-status')).toBe(text('vi', 'annual.eligibility.graded'));
    await j.shot('07-staff-review-phone', VIEWPORT);
    await page.locator('#rollup-evidence').scrollIntoViewIfNeeded();
    await j.shot('08-staff-evidence-phone', VIEWPORT);
    await page.locator('#self-review-text').fill(SELF_REVIEW);
    const review = await staffApi.get<{ ruleSetId: Parameters<typeof annualRuleSetById>[0] }>(
      `/api/annual-reviews/${reviewId}`,
    );
    const good = annualRuleSetById(review.ruleSetId)!.gradeLabels.good.vi;
    await choose(page, 'self-grade', good);
    await page.locator('#self-submit').scrollIntoViewIfNeeded();
    await j.shot('09-staff-self-filled-phone', VIEWPORT);
    await page.locator('#self-submit').click();
    await page.locator('#self-confirm-ok').click();
    await page
      .locator('.page-title .review-state')
      .getByText(text('vi', 'annual.states.selfReviewed'), { exact: true })
      .waitFor();
    // Until the manager proposes, the staff member may still improve and send it again.
    expect(await textOf(page, '#self-submit')).toBe(text('vi', 'annual.self.resubmit'));
    expect(await page.locator('#self-docx').count()).toBe(1);
    await noticesGone(page).catch(() => {});
    await page.evaluate('window.scrollTo(0, 0)');
    await j.shot('10-staff-submitted-phone');
    const docx = await page.request.get(`/api/annual-reviews/${reviewId}/self-review.docx`);
    expect(docx.status()).toBe(200);
    await signOut(page);
    await page.setViewportSize(DESKTOP);

    // ── 3. The manager: the proposal on the board ───────────────────
    await signIn(page, 'truongphong', password);
    await signedIn(page);
    await page.goto(`${periodUrl}/units/${office.id}`);
    const row = page.locator(`#board-table tr[data-row-key="${reviewId}"]`);
    await row.waitFor();
    expect(await row.locator('.review-state').textContent()).toBe(text('vi', 'annual.states.selfReviewed'));
    await j.shot('11-manager-board');
    await row.locator('.row-propose').click();
    await page.locator('#propose-comment').fill('Hoàn thành tốt các nhiệm vụ được giao trong năm.');
    expect(await textOf(page, '.ant-modal .grade-select')).toBe(good);
    await j.shot('12-manager-propose', VIEWPORT);
    await page.locator('#propose-ok').click();
    await row
      .locator('.review-state')
      .getByText(text('vi', 'annual.states.proposed'), { exact: true })
      .waitFor();
    await signOut(page);

    // ── 4. The head decides on the board and publishes ──────────────────────────────────
    await signIn(page, 'truongphuong', password);
    await signedIn(page);
    await page.goto(`${periodUrl}/units/${office.id}`);
    await row.waitFor();
    await page.locator('#quota-meters').waitFor();
    await j.shot('13-head-board');
    await row.locator('.row-decide').click();
    await page.locator('#decide-ok').click();
    await row
      .locator('.review-state')
      .getByText(text('vi', 'annual.states.decided'), { exact: true })
      .waitFor();
    await noticesGone(page).catch(() => {});
    await page.locator('#board-publish').click();
    await page.locator('#publish-ok').click();
    await row
      .locator('.review-state')
      .getByText(text('vi', 'annual.states.published'), { exact: true })
      .waitFor();
    await noticesGone(page).catch(() => {});
    await j.shot('14-head-published');
    await page.goto(`/annual/reviews/${reviewId}`);
    await page.locator('#decided-grade').getByText(good, { exact: true }).waitFor();
    await j.shot('15-head-review-page');
    await signOut(page);

    // ── 5. The officer: the result filed on the person's page, a leave period ────────────
    await signIn(page, 'tochuc', password);
    await signedIn(page);
    await page.goto(`/people/${staff.id}?tab=annual`);
    const filed = page.locator(`#annual-results-table tr[data-row-key="${reviewId}"]`);
    await filed.waitFor();
    expect(await filed.textContent()).toContain(good);
    await page.locator('#absence-add').click();
    await choose(page, 'absence-kind', text('vi', 'annual.absenceKinds.sick'));
    await page.locator('#absence-start').fill(`02/03/${year}`);
    await page.locator('#absence-start').press('Enter');
    await page.locator('#absence-end').fill(`13/03/${year}`);
    await page.locator('#absence-end').press('Enter');
    await page.locator('#absence-save').click();
    await page.locator('#absences-table tr.ant-table-row').first().waitFor();
    expect(await textOf(page, '#absences-table tr.ant-table-row')).toContain(`02/03/${year} – 13/03/${year}`);
    await noticesGone(page).catch(() => {});
    await j.shot('16-officer-person-annual');

    await openEvaluationNav(page, 'nav-weak-orgs');
    await page.waitForURL('**/annual/weak-orgs**');
    await page.locator('#weak-consolidated').waitFor();
    await j.shot('17-officer-weak-orgs');

    expect(noneOnAppPages(j.cspErrors())).toEqual([]);
    expect(noneOnAppPages(j.errors.filter((e) => e.text.startsWith('uncaught:')))).toEqual([]);
  });
});
