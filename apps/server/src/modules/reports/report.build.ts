import {
  formatCitationDate,
  formatInteger,
  formatPercent,
  formatPlaceAndDate,
  formatRatio,
  type ReportData,
  type ReportRuleSetUse,
  type ReportSectionData,
  type ReportSectionSpec,
  type ReportTableData,
} from '@canbo/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { inScope } from '../../access/scope-sql';
import { DEFAULT_AGE_BANDS } from './indicators/parameters';
import { indicatorById } from './indicators/registry';
import { resolveSubtree, type Subtree, unitsForPeriod } from './indicators/subtree';
import { chartOf, formatIndicatorTable, highlightsOf } from './report.tables';
import type { Db } from './reports.repository';

/**
 * Assembles a report from a template (docs/REPORTS.md, "Report builder"): every section's
 * indicators computed for (subtree, period, as-of), and with the comparison the same for the period
 * a year earlier; the targets of the year as "achieved/target (percent)"; the rule-set versions of
 * the cycles and review periods of the period. The result is what every output prints.
 */

export interface BuildRequest {
  db: Db;
  tenantId: string;
  unit: { id: string; name: string; path: string; parentName: string | null };
  kind: 'midYear' | 'yearEnd' | 'custom';
  templateName: string;
  sections: ReportSectionSpec[];
  from: string;
  to: string;
  asOf: string;
  documentNumber: string | null;
  place: string | null;
  issueDate: string;
  /** Hears each section done. */
  onSection?: (done: number, total: number) => Promise<void> | void;
}

export interface BuiltReport {
  data: ReportData;
  ruleSets: z.infer<typeof ReportRuleSetUse>[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
export const roman = (n: number) => ROMAN[n - 1] ?? String(n);

/** Same calendar date a year earlier (29 February → 28 February). */
export function yearEarlier(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

export function reportSubject(
  kind: BuildRequest['kind'],
  templateName: string,
  from: string,
  to: string,
): string {
  const year = to.slice(0, 4);
  if (kind === 'midYear') return `Sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm ${year}`;
  if (kind === 'yearEnd') return `Tổng kết công tác tổ chức xây dựng Đảng năm ${year}`;
  return `${templateName} (từ ngày ${formatCitationDate(from)} đến ngày ${formatCitationDate(to)})`;
}

async function ruleSetsUsed(
  db: Db,
  tenantId: string,
  subtree: Subtree,
  from: string,
  to: string,
  asOf: string,
) {
  const ancestorOrInside = (column: string) => sql`(${sql.ref(column)} IN ${unitsForPeriod(subtree, asOf)})`;
  const { rows: cycles } = await sql<{ rule_set_id: string; label: string }>`
    SELECT DISTINCT c.rule_set_id, c.label, c.period_start FROM eval_cycle c
     WHERE c.tenant_id = ${tenantId} AND c.period_start <= ${to} AND c.period_end >= ${from}
       AND (${ancestorOrInside('c.unit_id')} OR ${subtree.rootPath} LIKE c.unit_path || '%')
     ORDER BY c.period_start, c.label`.execute(db);
  const { rows: periods } = await sql<{
    state_rule_set_id: string;
    party_rule_set_id: string;
    label: string;
  }>`
    SELECT DISTINCT p.state_rule_set_id, p.party_rule_set_id, p.label, p.period_start FROM review_period p
     WHERE p.tenant_id = ${tenantId} AND p.period_start <= ${to} AND p.period_end >= ${from}
       AND (${ancestorOrInside('p.unit_id')} OR ${subtree.rootPath} LIKE p.unit_path || '%')
     ORDER BY p.period_start, p.label`.execute(db);
  const uses = new Map<string, z.infer<typeof ReportRuleSetUse>>();
  const add = (ruleSetId: string, source: z.infer<typeof ReportRuleSetUse>['source'], label: string) => {
    const key = `${source}:${ruleSetId}`;
    const use = uses.get(key) ?? { ruleSetId, source, usedBy: [] };
    if (!use.usedBy.includes(label)) use.usedBy.push(label);
    uses.set(key, use);
  };
  for (const c of cycles) add(c.rule_set_id, 'evaluationCycle', c.label);
  for (const p of periods) {
    add(p.state_rule_set_id, 'reviewPeriodState', p.label);
    add(p.party_rule_set_id, 'reviewPeriodParty', p.label);
  }
  return [...uses.values()];
}

async function targetsTable(
  req: BuildRequest,
  spec: ReportSectionSpec,
): Promise<{ table: ReportTableData; highlights: string[] }> {
  const year = Number(req.to.slice(0, 4));
  const scopeSql = inScope({ tenantId: req.tenantId, paths: [req.unit.path] }, 'u.path');
  const { rows } = await sql<{
    code: string;
    title: string;
    unit_name: string;
    year: number;
    target: number;
    achieved: number;
    unit_id: string;
  }>`
    SELECT t.code, t.title, u.name AS unit_name, t.year, t.target, t.achieved, t.unit_id FROM report_target t
      JOIN org_unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
     WHERE t.tenant_id = ${req.tenantId} AND t.year IN (${year}, ${year - 1}) AND ${scopeSql}
     ORDER BY u.path, t.code`.execute(req.db);
  const current = rows.filter((r) => r.year === year);
  const before = new Map(rows.filter((r) => r.year === year - 1).map((r) => [`${r.unit_id}|${r.code}`, r]));
  const compare = spec.compare;
  const headers = [
    'STT',
    'Chỉ tiêu',
    'Đơn vị',
    'Kết quả (đạt được/chỉ tiêu)',
    ...(compare ? [`Cùng kỳ năm ${year - 1}`] : []),
  ];
  const align: ('left' | 'right')[] = [
    'left',
    'left',
    'left',
    'right',
    ...(compare ? (['right'] as const) : []),
  ];
  const printed: string[][] = [];
  const values: (string | number | null)[][] = [];
  current.forEach((r, i) => {
    const prev = before.get(`${r.unit_id}|${r.code}`);
    const ratio = formatRatio(r.achieved, r.target, spec.decimals);
    const prevRatio = prev ? formatRatio(prev.achieved, prev.target, spec.decimals) : '—';
    printed.push([String(i + 1), r.title, r.unit_name, ratio, ...(compare ? [prevRatio] : [])]);
    values.push([i + 1, r.title, r.unit_name, ratio, ...(compare ? [prevRatio] : [])]);
  });
  const { rows: items } = await sql<{ total: string; done: string }>`
    SELECT count(*) FILTER (WHERE w.status <> 'cancelled') AS total, count(*) FILTER (WHERE w.status = 'done') AS done
      FROM work_item w JOIN org_unit u ON u.tenant_id = w.tenant_id AND u.id = w.unit_id
     WHERE w.tenant_id = ${req.tenantId} AND w.year = ${year} AND ${scopeSql}`.execute(req.db);
  const highlights = current.map(
    (r) =>
      `${r.title}: đạt ${formatInteger(r.achieved)}/${formatInteger(r.target)} (${formatPercent(r.achieved, r.target, spec.decimals)}).`,
  );
  const total = Number(items[0]?.total ?? 0);
  if (total > 0) {
    const done = Number(items[0]?.done ?? 0);
    highlights.push(
      `Chương trình công tác năm ${year}: hoàn thành ${formatInteger(done)}/${formatInteger(total)} nhiệm vụ (đạt ${formatPercent(done, total, spec.decimals)}).`,
    );
  }
  return {
    table: {
      indicatorId: null,
      title: `Chỉ tiêu năm ${year}`,
      headers,
      align,
      rows: printed,
      values,
      totalRow: false,
    },
    highlights,
  };
}

export async function buildReport(req: BuildRequest): Promise<BuiltReport> {
  const subtree = await resolveSubtree(req.db, req.tenantId, req.unit);
  const total = req.sections.length;
  const compute = (id: string, bands: number[] | null | undefined, from: string, to: string, asOf: string) =>
    indicatorById(id)!.compute({
      db: req.db as never,
      tenantId: req.tenantId,
      subtree,
      from,
      to,
      asOf,
      bands: bands ?? DEFAULT_AGE_BANDS,
    });

  async function buildSection(spec: ReportSectionSpec, index: number): Promise<ReportSectionData> {
    const section: ReportSectionData = {
      number: roman(index + 1),
      title: spec.title,
      intro: spec.intro ?? null,
      highlights: [],
      tables: [],
      chart: null,
    };
    if (spec.kind === 'targets') {
      const { table, highlights } = await targetsTable(req, spec);
      section.tables.push(table);
      section.highlights.push(...highlights);
    } else if (spec.kind === 'indicators') {
      const refs = spec.indicators.filter((ref) => indicatorById(ref.id));
      // The period and the same period a year earlier, every indicator at once (the pool runs them side by side).
      const computed = await Promise.all(
        refs.map(async (ref) => {
          const [table, previous] = await Promise.all([
            compute(ref.id, ref.bands, req.from, req.to, req.asOf),
            spec.compare
              ? compute(ref.id, ref.bands, yearEarlier(req.from), yearEarlier(req.to), yearEarlier(req.asOf))
              : null,
          ]);
          return { indicator: indicatorById(ref.id)!, table, previous };
        }),
      );
      computed.forEach(({ indicator, table, previous }, i) => {
        const title = `${index + 1}.${i + 1}. ${indicator.label.vi}`;
        if (table.rows.length === 0) {
          // Nothing happened in the period: a sentence, not an empty table.
          section.highlights.push(`${indicator.label.vi}: không có số liệu trong kỳ báo cáo.`);
          return;
        }
        section.tables.push(formatIndicatorTable(indicator.id, title, table, previous, spec.decimals));
        section.highlights.push(...highlightsOf(indicator.id, indicator.unit, table, spec.decimals));
      });
      const first = computed[0];
      if (spec.chart && first)
        section.chart = chartOf(spec.chart, first.indicator.label.vi, first.table, first.previous);
    }
    return section;
  }

  // Sections two at a time: progress counts those finished, the report keeps the template's order.
  const sections: ReportSectionData[] = new Array(total);
  let done = 0;
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const index = next++;
      sections[index] = await buildSection(req.sections[index]!, index);
      done += 1;
      await req.onSection?.(done, total);
    }
  };
  await Promise.all([lane(), lane()]);

  const ruleSets = await ruleSetsUsed(req.db, req.tenantId, subtree, req.from, req.to, req.asOf);
  const data: ReportData = {
    issuer: req.unit.name,
    superior: req.unit.parentName,
    number: req.documentNumber ? `Số ${req.documentNumber}` : 'Số      -BC/……',
    placeAndDate: formatPlaceAndDate(req.place?.trim() || '……', req.issueDate),
    type: 'BÁO CÁO',
    subject: reportSubject(req.kind, req.templateName, req.from, req.to),
    asOfLine: `Số liệu từ ngày ${formatCitationDate(req.from)} đến ngày ${formatCitationDate(req.to)}, chốt đến ngày ${formatCitationDate(req.asOf)}.`,
    sections,
  };
  return { data, ruleSets };
}
