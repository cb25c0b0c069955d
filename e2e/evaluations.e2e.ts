import { ruleSetById, STATE_LABELS } from '@canbo/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, DESKTOP, noticesGone, PHONE } from './support/browser';
import { text } from './support/i18n';
import { noneOnAppPages, openEvaluationNav, signedIn, signIn, signOut, textOf } from './support/pages';
import { journeySuite } from './support/suite';

/**
 * Periodic evaluation in a real browser (issue 4): a staff member fills the monthly self-assessment
 * on a phone (live score and grade, a task, submit); the manager lowers a score — which makes the
 * comment required —, comments and approves, then approves the colleagues' unchanged items in bulk;
 * the head sees the quota meter on the unit board, decides everything in one click and publishes;
 * the organisation officer's cycle monitor shows 100% completion.
 *
 * Set up through the API as the demo organisation officer: a three-person team under the economic
 * office of Ba Đình ward (P-BADINH-KT), a framework derived from Hanoi's 3814 rule set, and next
 * month's cycle for the team. The team's people are the demo people whose accounts are linked to
 * their records — the only way a person can self-assess, since the API cannot link an account to a
 * person — moved into the team by ending their post and starting a new one today. Next month, so that
 * the demo's own cycle of this month (the whole city) does not enrol them twice.
 * Screenshots of every step: test-results/e2e/evaluations/<step>.png.
 */

const RULE_SET = ruleSetById('hn-3814-2018')!;
const grade = (g: keyof typeof RULE_SET.gradeLabels) => RULE_SET.gradeLabels[g].vi;
const state = (s: keyof typeof STATE_LABELS) => STATE_LABELS[s].vi;

const TEAM = { code: 'P-BADINH-KT-SHS', name: 'Tổ Số hóa hồ sơ cán bộ' };
const FRAMEWORK = 'Khung tiêu chí hằng tháng của Tổ Số hóa hồ sơ (theo 3814-QĐ/TU)';

/** The staff member's self-assessment: 20 + 65,5 + 5 = 90,5 points, grade A. */
const SELF: [string, string][] = [
  ['discipline.policy', '4'],
  ['discipline.rules', '4'],
  ['discipline.ethics', '4'],
  ['discipline.service', '4'],
  ['discipline.unity', '4'],
  ['results.volume', '24'],
  ['results.quality', '18,5'],
  ['results.schedule', '14'],
  ['results.responsibility', '9'],
  ['bonus.initiative', '3'],
  ['bonus.exceeding', '2'],
];

/** The colleagues' self-assessments, submitted through the API: 84 and 78,5 points, both grade B. */
const COLLEAGUE_SCORES: Record<string, Record<string, number>> = {
  kiemtra: {
    'discipline.policy': 4,
    'discipline.rules': 4,
    'discipline.ethics': 4,
    'discipline.service': 4,
    'discipline.unity': 4,
    'results.volume': 22,
    'results.quality': 18,
    'results.schedule': 13,
    'results.responsibility': 9,
    'bonus.initiative': 2,
  },
  tochuc: {
    'discipline.policy': 4,
    'discipline.rules': 3.5,
    'discipline.ethics': 4,
    'discipline.service': 4,
    'discipline.unity': 4,
    'results.volume': 20,
    'results.quality': 16,
    'results.schedule': 12,
    'results.responsibility': 8,
    'bonus.recognition': 3,
  },
};

const TASK = {
  title: 'Số hóa 120 hồ sơ cán bộ phường',
  product: 'Hồ sơ điện tử trên phần mềm canbo',
};

/** Today in Việt Nam (yyyy-mm-dd) and the first day of the next month. */
function dates(): { today: string; nextMonth: string; nextLabel: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return {
    today,
    nextMonth: `${ny}-${String(nm).padStart(2, '0')}-01`,
    nextLabel: `Tháng ${nm}/${ny}`,
  };
}

interface PositionItem {
  id: string;
  unitId: string;
  title: string;
  titleGroup: string | null;
  isConcurrent: boolean;
  current: boolean;
  version: number;
}
interface Profile {
  id: string;
  fullName: string;
  positions: PositionItem[];
}
interface EvaluationItem {
  id: string;
  cycleId: string;
  personName: string;
  state: string;
  version: number;
}

/** Waits until the element's text is exactly `expected` (live previews update as one types). */
async function expectText(page: Page, selector: string, expected: string): Promise<void> {
  await page.locator(selector).first().getByText(expected, { exact: true }).waitFor();
  expect(await textOf(page, selector)).toBe(expected);
}

/** An evaluation's score input; leaf codes hold a dot, so the id goes in an attribute selector. */
const scoreInput = (code: string) => `[id="score-${code}"]`;

/** The state shown beside the person's name on an evaluation page. */
const pageState = '.page-title .state-tag';

/** Long forms with a sticky header and score bar read best one screen at a time. */
const VIEWPORT = { fullPage: false };

describe.skipIf(!chromiumAvailable() && process.env.CI !== 'true')('evaluation journey (Chromium)', () => {
  const suite = journeySuite({ demo: true });

  it('staff self-assess on a phone, the manager adjusts and approves, the head decides, the officer sees 100%', async () => {
    const j = await suite.journey('evaluations');
    const { page } = j;
    const password = suite.server.demoPassword!;
    const { today, nextMonth, nextLabel } = dates();

    // ── Set-up through the API, as the organisation officer ─────────────────────────────
    const officer = await suite.api('tochuc');
    const units = await officer.get<{ items: { id: string; code: string }[] }>(
      `/api/units?q=${encodeURIComponent('kinh te ba dinh')}`,
    );
    const office = units.items.find((u) => u.code === 'P-BADINH-KT');
    if (!office) throw new Error(`no P-BADINH-KT unit: ${JSON.stringify(units.items)}`);
    const team = await officer.send<{ id: string }>('POST', '/api/units', {
      code: TEAM.code,
      name: TEAM.name,
      parentId: office.id,
    });

    // The team: the demo staff member and two colleagues, each with an account linked to the record.
    const accounts = {
      chuyenvien: await suite.api('chuyenvien'),
      kiemtra: await suite.api('kiemtra'),
      tochuc: officer,
    };
    const people: Record<string, Profile> = {};
    for (const [username, session] of Object.entries(accounts)) {
      const me = await session.get<Profile>('/api/people/me');
      const profile = await officer.get<Profile>(`/api/people/${me.id}`);
      for (const p of profile.positions.filter((x) => x.current && !x.isConcurrent)) {
        await officer.send('POST', `/api/people/${me.id}/positions/${p.id}/end`, {
          endDate: today,
          endReason: `Điều động về ${TEAM.name}`,
          version: p.version,
        });
      }
      await officer.send('POST', `/api/people/${me.id}/positions`, {
        unitId: team.id,
        title: 'Chuyên viên',
        titleGroup: 'specialist',
        isLeader: false,
        isConcurrent: false,
        startDate: today,
      });
      people[username] = profile;
    }

    // A framework from the rule set's default breakdown, published, and next month's cycle.
    const draft = await officer.send<{ id: string; version: number }>('POST', '/api/frameworks', {
      ruleSetId: RULE_SET.id,
      unitId: team.id,
      name: FRAMEWORK,
    });
    await officer.send('POST', `/api/frameworks/${draft.id}/publish`, { version: draft.version });
    const cycle = await officer.send<{ id: string; label: string; enrolled: number }>('POST', '/api/cycles', {
      unitId: team.id,
      frameworkId: draft.id,
      periodKind: 'month',
      periodStart: nextMonth,
      autoNext: false,
    });
    expect(cycle.label).toBe(nextLabel);
    expect(cycle.enrolled).toBe(3);

    // The two colleagues assess themselves (not what this journey tests).
    for (const username of ['kiemtra', 'tochuc'] as const) {
      const mine = await accounts[username].get<EvaluationItem[] | { items: EvaluationItem[] }>(
        '/api/evaluations/mine',
      );
      const list = Array.isArray(mine) ? mine : mine.items;
      const ev = list.find((e) => e.cycleId === cycle.id);
      if (!ev) throw new Error(`${username} is not enrolled in ${cycle.label}: ${JSON.stringify(list)}`);
      await accounts[username].send('POST', `/api/evaluations/${ev.id}/submit`, {
        scores: COLLEAGUE_SCORES[username],
        version: ev.version,
      });
    }
    const staffName = people.chuyenvien!.fullName;

    // ── 1. The staff member, on a phone ──────────────────────────────────────────────────
    await page.setViewportSize(PHONE);
    await page.goto('/sign-in');
    await page.locator('#username').waitFor();
    await signIn(page, 'chuyenvien', password);
    await signedIn(page);
    await page.locator('#nav-toggle').click();
    await page.locator('.nav-drawer').getByText(text('vi', 'evaluations.nav.group'), { exact: true }).click();
    await page.locator('.nav-drawer #nav-mine').click();
    await page.waitForURL('**/evaluations/mine');
    const current = page.locator('#current-evaluation');
    await current.waitFor();
    expect(await textOf(page, '#current-evaluation h4')).toBe(nextLabel);
    expect(await textOf(page, '#current-evaluation .state-tag')).toBe(state('draft'));
    expect(await textOf(page, '#open-current')).toBe(text('vi', 'evaluations.mine.fill'));
    await j.shot('01-staff-mine-phone');

    await page.locator('#open-current').click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    const staffEvaluationId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.locator(scoreInput('discipline.policy')).waitFor();
    const subtitle = await textOf(page, '#evaluation-subtitle');
    expect(subtitle).toContain(nextLabel);
    expect(subtitle).toContain(TEAM.name);
    expect(subtitle).toContain(FRAMEWORK);
    expect(await textOf(page, pageState)).toBe(state('draft'));
    await expectText(page, '#preview-total', '0');
    await j.shot('02-staff-form-empty-phone', VIEWPORT);

    // Live preview: the first group alone, then everything.
    for (const [code, value] of SELF.slice(0, 5)) await page.locator(scoreInput(code)).fill(value);
    await expectText(page, '#group-points-discipline', '20/20');
    await expectText(page, '#preview-total', '20');
    expect(await textOf(page, '#preview-grade')).toBe(grade('notCompleted'));
    await j.shot('03-staff-discipline-phone', VIEWPORT);
    for (const [code, value] of SELF.slice(5)) await page.locator(scoreInput(code)).fill(value);
    await page
      .locator('#self-comment')
      .fill('Hoàn thành vượt tiến độ số hóa hồ sơ; đề xuất cải tiến biểu mẫu.');
    await expectText(page, '#group-points-results', '65,5/70');
    await expectText(page, '#group-points-bonus', '5/10');
    await expectText(page, '#preview-total', '90,5');
    expect(await textOf(page, '#preview-grade')).toBe(grade('excellent'));
    await page.locator('#group-points-bonus').scrollIntoViewIfNeeded();
    await j.shot('04-staff-scores-phone', VIEWPORT);

    // A task of the period.
    await page.locator('#evaluation-tabs-tab-tasks').click();
    await page.locator('#task-add').click();
    await page.locator('#task_title').fill(TASK.title);
    await page.locator('#task_product').fill(TASK.product);
    await j.shot('05-staff-task-modal-phone');
    await page.locator('#task-save').click();
    const task = page.locator('#tasks .task-item').filter({ hasText: TASK.title });
    await task.waitFor();
    expect(await task.textContent()).toContain(TASK.product);
    await noticesGone(page).catch(() => {});
    await j.shot('06-staff-task-phone');

    // Submit: the form becomes read-only with the stored result.
    await page.locator('#evaluation-tabs-tab-score').click();
    await expectText(page, '#preview-total', '90,5');
    await page.locator('#submit-self').click();
    await page.locator('#submit-confirm-ok').click();
    await page.locator(pageState).getByText(state('selfAssessed'), { exact: true }).waitFor();
    await expectText(page, '#preview-total', '90,5');
    expect(await textOf(page, '#preview-grade')).toBe(grade('excellent'));
    expect(await page.locator('#submit-self').count()).toBe(0);
    expect(await textOf(page, `${scoreInput('results.quality')} strong`)).toBe('18,5');
    await page.evaluate('window.scrollTo(0, 0)');
    await j.shot('07-staff-submitted-phone', VIEWPORT);

    await signOut(page);
    await page.setViewportSize(DESKTOP);

    // ── 2. The manager: the queue, one changed score with its comment, bulk approval ──────
    await signIn(page, 'truongphong', password);
    await signedIn(page);
    await openEvaluationNav(page, 'nav-review');
    await page.waitForURL('**/evaluations/review');
    await page.locator('#queue-table').waitFor();
    await page.locator('#queue-cycle').click();
    await page
      .locator('.ant-select-item-option:visible')
      .filter({ hasText: `${nextLabel} · ${TEAM.name}` })
      .click();
    await page.waitForURL(`**/evaluations/review?cycleId=${cycle.id}`);
    const rows = page.locator('#queue-table tr.ant-table-row');
    await page.locator(`#queue-table tr[data-row-key="${staffEvaluationId}"]`).waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    const staffRow = page.locator(`#queue-table tr[data-row-key="${staffEvaluationId}"]`);
    expect(await staffRow.textContent()).toContain('90,5');
    await j.shot('08-manager-queue');

    await staffRow.getByRole('link', { name: staffName }).click();
    await page.waitForURL(`**/evaluations/${staffEvaluationId}`);
    await page.locator(scoreInput('results.quality')).waitFor();
    expect(await textOf(page, pageState)).toBe(state('selfAssessed'));
    await expectText(page, '#preview-total', '90,5');
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.locator(scoreInput('results.quality')).fill('16');
    await expectText(page, '#preview-total', '88');
    expect(await textOf(page, '#preview-grade')).toBe(grade('good'));
    expect(await textOf(page, '#leaf-results\\.quality .leaf-self')).toBe(
      text('vi', 'evaluations.form.selfWas', { points: '18,5' }),
    );
    await expectText(page, '.ant-form-item-explain-error', text('vi', 'evaluations.form.commentRequired'));
    await page.locator('#leaf-results\\.quality').scrollIntoViewIfNeeded();
    await j.shot('09-manager-score-changed', VIEWPORT);
    await page.locator('#review-comment').scrollIntoViewIfNeeded();
    await j.shot('10-manager-comment-required', VIEWPORT);

    await page
      .locator('#review-comment')
      .fill('Chất lượng hồ sơ số hóa còn một số lỗi nhập liệu phải sửa lại; điều chỉnh điểm chất lượng.');
    await page.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    await page.locator('#review').click();
    await page.locator(pageState).getByText(state('reviewed'), { exact: true }).waitFor();
    await expectText(page, '#preview-total', '88');
    expect(await textOf(page, '#preview-grade')).toBe(grade('good'));
    await page.evaluate('window.scrollTo(0, 0)');
    await j.shot('11-manager-reviewed', VIEWPORT);

    // The colleagues' items are unchanged: approved together.
    await page.goto(`/evaluations/review?cycleId=${cycle.id}`);
    await page.locator('#queue-table tr.ant-table-row').first().waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) await row.locator('.ant-checkbox-input').check();
    expect(await textOf(page, '#bulk-approve')).toBe(text('vi', 'evaluations.queue.bulk', { count: '2' }));
    await j.shot('12-manager-bulk-selected');
    await page.locator('#bulk-approve').click();
    await page.locator('#bulk-results').waitFor();
    expect(await textOf(page, '.ant-modal-title')).toBe(
      text('vi', 'evaluations.queue.resultTitle', { done: '2', failed: '0' }),
    );
    await j.shot('13-manager-bulk-result');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('#bulk-results').waitFor({ state: 'hidden' });
    await signOut(page);

    // ── 3. The head: the unit board, the quota meter, decide all, publish ──────────────────
    await signIn(page, 'truongphuong', password);
    await signedIn(page);
    await page.goto(`/evaluations/cycles/${cycle.id}/units/${team.id}`);
    await page.locator('#board-table').waitFor();
    expect(await textOf(page, '.page-title h3')).toBe(`${TEAM.name} · ${nextLabel}`);
    const boardRows = page.locator('#board-table tr.ant-table-row');
    await expect.poll(() => boardRows.count()).toBe(3);
    for (const row of await boardRows.all()) {
      expect(await row.locator('.state-tag').textContent()).toBe(state('reviewed'));
    }
    const staffOnBoard = page.locator(`#board-table tr[data-row-key="${staffEvaluationId}"]`);
    expect(await staffOnBoard.textContent()).toContain(`88 ${grade('good')}`);
    // The group of similar posts by its name, not its code.
    expect(await staffOnBoard.textContent()).toContain(text('vi', 'titleGroups.specialist'));
    expect(await staffOnBoard.textContent()).not.toContain('specialist');
    // Three people graded under 3814: at most 30% grade A, rounded down — none; nobody has A.
    const meter = page.locator('#quota-meters .quota-card').first();
    await meter.waitFor();
    expect(await meter.locator('.ant-progress-indicator').textContent()).toBe('0/0');
    expect(await meter.textContent()).toContain(
      text('vi', 'evaluations.board.basisGraded', { percent: '30', graded: '3' }),
    );
    expect(await meter.getAttribute('class')).not.toContain('quota-over');
    expect(await page.locator('#decide-all').isEnabled()).toBe(true);
    expect(await page.locator('#publish-unit').isEnabled()).toBe(false);
    await j.shot('14-head-board');

    await page.locator('#decide-all').click();
    await page.locator('#decide-all-ok').click();
    await page
      .locator('#board-table .state-tag')
      .getByText(state('decided'), { exact: true })
      .nth(2)
      .waitFor();
    expect(await page.locator('#decide-all').isEnabled()).toBe(false);
    await noticesGone(page);
    await j.shot('15-head-decided');

    await page.locator('#publish-unit').click();
    await page.locator('#publish-unit-ok').click();
    await page
      .locator('#board-table .state-tag')
      .getByText(state('published'), { exact: true })
      .nth(2)
      .waitFor();
    for (const row of await boardRows.all()) {
      expect(await row.locator('.state-tag').textContent()).toBe(state('published'));
    }
    await noticesGone(page);
    await j.shot('16-head-published');
    await signOut(page);

    // ── 4. The organisation officer: the cycle's monitor ───────────────────────────────────
    await signIn(page, 'tochuc', password);
    await signedIn(page);
    await openEvaluationNav(page, 'nav-cycles');
    await page.waitForURL('**/evaluations/cycles');
    await page.locator('#cycles-table').waitFor();
    await page.locator(`#cycles-table tr[data-row-key="${cycle.id}"] a`).click();
    await page.waitForURL(`**/evaluations/cycles/${cycle.id}`);
    await page.locator('#monitor-completion').waitFor();
    expect(await textOf(page, '.page-title h3')).toBe(`${nextLabel} · ${TEAM.name}`);
    expect(await textOf(page, '#monitor-completion .ant-progress-indicator')).toBe('100%');
    expect(await textOf(page, '#monitor-enrolled .big-figure')).toBe('3');
    const teamLine = page.locator(`#monitor-table tr[data-row-key="${team.id}"]`);
    expect(await teamLine.locator('.ant-progress-indicator').textContent()).toBe('100%');
    await j.shot('17-officer-monitor');

    // ── 5. The staff member reads the published result on the phone ───────────────────────
    await signOut(page);
    await page.setViewportSize(PHONE);
    await signIn(page, 'chuyenvien', password);
    await signedIn(page);
    await page.goto(`/evaluations/${staffEvaluationId}`);
    await page.locator(pageState).getByText(state('published'), { exact: true }).waitFor();
    await expectText(page, '#preview-total', '88');
    expect(await textOf(page, '#preview-grade')).toBe(grade('good'));
    await j.shot('18-staff-published-phone', VIEWPORT);

    expect(noneOnAppPages(j.cspErrors())).toEqual([]);
    expect(noneOnAppPages(j.errors.filter((e) => e.text.startsWith('uncaught:')))).toEqual([]);
  });
});
