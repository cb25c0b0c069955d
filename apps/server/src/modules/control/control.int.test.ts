import {
  CONTROL_SIGNALS,
  type ControlSignal,
  DEFAULT_CONTROL_THRESHOLDS,
  type SignalResult,
} from '@canbo/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { systemActor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import { evaluationBuilders, type FxCycle } from '../evaluations/evaluations.fixtures';
import { download } from '../imports/imports.fixtures';
import { controlBuilders } from './control.fixtures';

/**
 * The control signals (docs/CONTROL.md), each on a crafted unit where it must fire and one where it
 * must not: "Tổ Hình thức" does everything a formal evaluation does, "Tổ Thực chất" nothing of it.
 */
describe('control dashboard', () => {
  let t: TestContext;
  let ward: TestUnit;
  let formal: TestUnit;
  let honest: TestUnit;
  let weak: TestUnit;
  let strong: TestUnit;
  let cycle: FxCycle;
  let officer: Client;
  let inspector: Client;
  let head: Client;
  let stranger: Client;
  let reopenedId: string;

  beforeAll(async () => {
    t = await createTestContext();
    const ev = evaluationBuilders(t.ctx.db, t.tenant.tenantId);
    const fx = controlBuilders(t.ctx.db, t.tenant.tenantId, ev);
    ward = await t.build.unit({ name: 'Phường Kiểm Soát' });
    formal = await t.build.unit({ parent: ward, name: 'Tổ Hình thức' });
    honest = await t.build.unit({ parent: ward, name: 'Tổ Thực chất' });
    weak = await t.build.unit({ parent: ward, name: 'Chi bộ Yếu' });
    strong = await t.build.unit({ parent: ward, name: 'Chi bộ Vững mạnh' });
    const other = await t.build.unit({ name: 'Phường Khác' });
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
    inspector = await t.as(await t.build.user({ unit: ward, role: 'inspector' }));
    head = await t.as(await t.build.user({ unit: ward, role: 'head' }));
    stranger = await t.as(await t.build.user({ unit: other, role: 'officer' }));
    cycle = await ev.cycle(ward, { periodStart: '2026-11-01', periodEnd: '2026-11-30' });

    // Formal: everyone self-assesses 100 with the same vector, reviews change nothing in 5 seconds, in
    // bulk; 5 of 6 excellent, 2 late, one result reopened.
    for (let i = 0; i < 6; i++) {
      const e = await fx.person(cycle, formal, {
        selfTotal: 100,
        grade: i < 5 ? 'excellent' : 'good',
        late: i < 2,
        review: { unchanged: true, seconds: 5, bulk: true },
        ...(i === 0 ? { reopen: 'Kiểm tra phát hiện chấm sai tiêu chí' } : {}),
      });
      if (i === 0) reopenedId = e.id;
    }
    // Honest: varied self-assessments, reviews that change scores after 5 minutes (one unchanged),
    // 1 of 6 excellent, nobody late, nothing reopened.
    for (let i = 0; i < 6; i++) {
      await fx.person(cycle, honest, {
        selfTotal: 85,
        vector: i,
        grade: i === 0 ? 'excellent' : 'good',
        review: { unchanged: i === 5, seconds: 300 },
      });
    }
    // Collectives: three people each, one excellent; the weak cell's collective grade is "completed".
    for (const unit of [weak, strong]) {
      for (let i = 0; i < 3; i++)
        await fx.person(cycle, unit, { selfTotal: 80 + i, vector: i, grade: i === 0 ? 'excellent' : 'good' });
    }
    await fx.collectiveGrade(weak, 2026, 'completed');
    await fx.collectiveGrade(strong, 2026, 'good');
    await t.ctx.db.transaction().execute((tx) =>
      recordAudit(tx, systemActor(t.tenant.tenantId, 'kiểm thử'), {
        action: 'evaluation.reopen',
        entityType: 'evaluation',
        entityId: reopenedId,
        unitPath: formal.path,
        after: { state: 'reviewed', comment: 'Kiểm tra phát hiện chấm sai tiêu chí' },
      }),
    );
  });
  afterAll(() => t.close());

  const dashboardUrl = (unit: TestUnit = ward) =>
    `/api/control/dashboard?cycleId=${cycle.id}&unitId=${unit.id}`;
  const signalsOf = (body: { units: { unitId: string; signals: SignalResult[] }[] }, unit: TestUnit) => {
    const row = body.units.find((u) => u.unitId === unit.id);
    if (!row) throw new Error(`no row for ${unit.name}`);
    return Object.fromEntries(row.signals.map((s) => [s.signal, s])) as Record<ControlSignal, SignalResult>;
  };

  it('fires every signal on the formal unit and none on the honest one, with the numbers behind them', async () => {
    const res = await officer.get(dashboardUrl());
    expect(res.status).toBe(200);
    const f = signalsOf(res.body, formal);
    const h = signalsOf(res.body, honest);
    for (const s of CONTROL_SIGNALS) {
      expect(f[s].fired, `${s} fires on the formal unit`).toBe(true);
      expect(h[s].fired, `${s} stays quiet on the honest unit`).toBe(false);
    }
    expect(f.selfMax).toMatchObject({ value: 100, threshold: 30, numbers: { count: 6, of: 6 } });
    expect(h.selfMax).toMatchObject({ value: 0, numbers: { count: 0, of: 6 } });
    expect(f.unchangedReview).toMatchObject({ value: 100, numbers: { count: 6, of: 6 } });
    expect(h.unchangedReview).toMatchObject({ value: 16.67, numbers: { count: 1, of: 6 } });
    expect(f.reviewTime).toMatchObject({ value: 5, numbers: { steps: 12 } });
    expect(h.reviewTime).toMatchObject({ value: 300 });
    expect(f.bulkApproval).toMatchObject({ value: 100, numbers: { count: 12, of: 12 } });
    expect(h.bulkApproval).toMatchObject({ value: 0 });
    expect(f.identicalScores).toMatchObject({ value: 100, numbers: { clusters: 1, largest: 6 } });
    expect(h.identicalScores).toMatchObject({ value: 0, numbers: { clusters: 0 } });
    // Subtree: 5 + 1 + 1 + 1 excellent of 18 graded = 44.44%; formal 83.33% (+38.89), honest 16.67%.
    expect(f.topGrade).toMatchObject({
      value: 38.89,
      numbers: { share: 83.33, subtreeShare: 44.44, reason: 'subtree' },
    });
    expect(h.topGrade).toMatchObject({ value: -27.77, numbers: { share: 16.67 } });
    expect(f.late).toMatchObject({ value: 33.33, numbers: { count: 2, of: 6 } });
    expect(h.late.value).toBe(0);
    expect(f.reopened).toMatchObject({ value: 1 });
    expect(h.reopened).toMatchObject({ value: 0 });
    // Ranked first, with the weight of all eight signals; the KPIs of the subtree.
    expect(res.body.units[0].unitId).toBe(formal.id);
    const weight = Object.values(DEFAULT_CONTROL_THRESHOLDS.signals).reduce((w, s) => w + s.weight, 0);
    expect(res.body.units[0]).toMatchObject({ flags: 8, weight, enrolled: 6 });
    expect(res.body.kpis).toMatchObject({
      units: 4,
      enrolled: 18,
      decided: 18,
      completion: 100,
      late: 2,
      reopened: 1,
    });
    expect(res.body.signalTotals.find((s: { signal: string }) => s.signal === 'topGrade').units).toBe(2);
  });

  it("compares the top grade with the unit's own collective grade when it is weak", async () => {
    const res = await officer.get(dashboardUrl());
    const w = signalsOf(res.body, weak).topGrade;
    const s = signalsOf(res.body, strong).topGrade;
    // Three people are below the minimum sample for the subtree comparison; the collective rule still applies.
    expect(w).toMatchObject({
      fired: true,
      numbers: { collectiveGrade: 'completed', share: 33.33, reason: 'collective' },
    });
    expect(s).toMatchObject({
      fired: false,
      numbers: { collectiveGrade: 'good', share: 33.33, reason: null },
    });
  });

  it('drills from a signal to the people behind it and from a person to the steps and audit trail', async () => {
    const url = (unit: TestUnit, signal: ControlSignal) =>
      `/api/control/units/${unit.id}/signals/${signal}?cycleId=${cycle.id}`;
    const self = await officer.get(url(formal, 'selfMax'));
    expect(self.status).toBe(200);
    expect(self.body.people).toHaveLength(6);
    expect(self.body.result).toMatchObject({ signal: 'selfMax', fired: true, value: 100 });
    const clusters = await officer.get(url(formal, 'identicalScores'));
    expect(clusters.body.people.map((p: { detail: { cluster: number; size: number } }) => p.detail)).toEqual(
      Array(6).fill(expect.objectContaining({ cluster: 1, size: 6 })),
    );
    const fast = await officer.get(url(formal, 'reviewTime'));
    expect(fast.body.people[0].detail).toMatchObject({ seconds: 5, steps: 2 });
    expect((await officer.get(url(honest, 'reviewTime'))).body.people).toHaveLength(0);
    expect((await officer.get(url(honest, 'unchangedReview'))).body.people).toHaveLength(1);
    expect((await officer.get(url(honest, 'topGrade'))).body.people).toHaveLength(1);
    expect((await officer.get(url(formal, 'late'))).body.people).toHaveLength(2);
    expect((await officer.get(url(formal, 'bulkApproval'))).body.people).toHaveLength(6);
    const reopened = await officer.get(url(formal, 'reopened'));
    expect(reopened.body.people).toHaveLength(1);
    expect(reopened.body.people[0]).toMatchObject({
      evaluationId: reopenedId,
      detail: { reopened: 1, reason: 'Kiểm tra phát hiện chấm sai tiêu chí' },
    });

    const trail = await inspector.get(`/api/control/evaluations/${reopenedId}/trail`);
    expect(trail.status).toBe(200);
    expect(trail.body.steps.map((s: { action: string }) => s.action)).toEqual([
      'submitSelf',
      'review',
      'decide',
      'reopen',
    ]);
    expect(trail.body.steps[1]).toMatchObject({ seconds: 5, bulk: true, scoresChanged: false });
    expect(trail.body.audit).toEqual([
      expect.objectContaining({ action: 'evaluation.reopen', actorName: 'kiểm thử' }),
    ]);
  });

  it('answers only within the caller’s evaluation scope: elsewhere as missing', async () => {
    expect((await inspector.get(dashboardUrl(formal))).status).toBe(200);
    expect((await head.get(dashboardUrl())).status).toBe(404);
    expect((await stranger.get(dashboardUrl())).status).toBe(404);
    expect(
      (await stranger.get(`/api/control/units/${formal.id}/signals/late?cycleId=${cycle.id}`)).status,
    ).toBe(404);
    expect((await stranger.get(`/api/control/evaluations/${reopenedId}/trail`)).status).toBe(404);
    expect((await stranger.get(`/api/control/trends?cycleId=${cycle.id}&unitId=${ward.id}`)).status).toBe(
      404,
    );
  });

  it('tunes thresholds per subtree with a version, audits the change, and the dashboard follows', async () => {
    const before = await officer.get(`/api/control/thresholds?unitId=${formal.id}`);
    expect(before.body).toMatchObject({ source: 'default', version: null, canManage: true });
    const relaxed = structuredClone(DEFAULT_CONTROL_THRESHOLDS);
    relaxed.signals.selfMax.threshold = 100;
    relaxed.signals.selfMax.enabled = false;
    relaxed.signals.late.threshold = 50;
    expect(
      (
        await inspector.put('/api/control/thresholds', {
          unitId: formal.id,
          thresholds: relaxed,
          version: null,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await stranger.put('/api/control/thresholds', {
          unitId: formal.id,
          thresholds: relaxed,
          version: null,
        })
      ).status,
    ).toBe(404);
    const saved = await officer.put('/api/control/thresholds', {
      unitId: formal.id,
      thresholds: relaxed,
      version: null,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'unit', version: 1, sourceUnitId: formal.id });
    const stale = await officer.put('/api/control/thresholds', {
      unitId: formal.id,
      thresholds: relaxed,
      version: null,
    });
    expect(stale.status).toBe(409);
    relaxed.signals.late.threshold = 40;
    const again = await officer.put('/api/control/thresholds', {
      unitId: formal.id,
      thresholds: relaxed,
      version: 1,
    });
    expect(again.body.version).toBe(2);
    expect(
      (await officer.put('/api/control/thresholds', { unitId: formal.id, thresholds: relaxed, version: 1 }))
        .status,
    ).toBe(409);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after', 'before', 'unit_path'])
      .where('entity_type', '=', 'control_threshold')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['control.thresholdsUpdated', 'control.thresholdsUpdated']);
    expect(audit[1]).toMatchObject({ unit_path: formal.path });
    expect((audit[1]!.before as typeof relaxed).signals.late.threshold).toBe(50);

    const res = await officer.get(dashboardUrl());
    const f = signalsOf(res.body, formal);
    expect(f.selfMax).toMatchObject({ enabled: false, fired: false });
    expect(f.late).toMatchObject({ threshold: 40, fired: false });
    expect(res.body.units.find((u: { unitId: string }) => u.unitId === formal.id).thresholdUnitId).toBe(
      formal.id,
    );
    // The honest unit keeps the tenant's thresholds.
    expect(signalsOf(res.body, honest).late.threshold).toBe(20);

    // The tenant-wide setting needs the grant on the root.
    const tenantWide = { unitId: null, thresholds: DEFAULT_CONTROL_THRESHOLDS, version: null };
    expect((await officer.put('/api/control/thresholds', tenantWide)).status).toBe(403);
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    expect((await admin.put('/api/control/thresholds', tenantWide)).body).toMatchObject({
      source: 'tenant',
      version: 1,
    });

    expect((await officer.delete(`/api/control/thresholds/${formal.id}?version=1`)).status).toBe(409);
    expect((await officer.delete(`/api/control/thresholds/${formal.id}?version=2`)).status).toBe(204);
    expect((await officer.get(`/api/control/thresholds?unitId=${formal.id}`)).body).toMatchObject({
      source: 'tenant',
      version: null,
    });
  });

  it('shows completion and grades per period over the last twelve months', async () => {
    const res = await officer.get(`/api/control/trends?cycleId=${cycle.id}&unitId=${ward.id}`);
    expect(res.status).toBe(200);
    expect(res.body.periods).toEqual([
      expect.objectContaining({
        periodStart: '2026-11-01',
        enrolled: 18,
        decided: 18,
        completion: 100,
        grades: { excellent: 8, good: 10, completed: 0, notCompleted: 0 },
      }),
    ]);
  });

  it('prints the control report as a Party document with the figures', async () => {
    const file = await download(
      t,
      officer,
      `/api/control/report.docx?cycleId=${cycle.id}&unitId=${ward.id}&documentNumber=15-BC/ĐU&place=H%C3%A0%20N%E1%BB%99i`,
    );
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
    for (const text of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'PHƯỜNG KIỂM SOÁT',
      'Số 15-BC/ĐU',
      'BÁO CÁO',
      'Kỳ đánh giá: Tháng 11/2026',
      'I. TÌNH HÌNH CHUNG',
      'II. CÁC DẤU HIỆU HÌNH THỨC',
      'III. CÁC ĐƠN VỊ CÓ DẤU HIỆU CẦN KIỂM TRA',
      'Số người được đánh giá: 18; đã có quyết định xếp loại: 18/18 (100,00%).',
      'Tỷ lệ xếp loại hoàn thành xuất sắc trong số đã xếp loại: 44,44%.',
      'Tổ Hình thức',
      'Tự chấm điểm tối đa (100,00%)',
      'Thời gian xem xét mỗi phiếu quá ngắn (5 giây)',
    ]) {
      expect(xml, text).toContain(text);
    }
    expect(xml).toMatch(/Hà Nội, ngày \d\d tháng \d{1,2} năm \d{4}/);
    expect(xml).not.toContain('Tổ Thực chất');
  });
});
