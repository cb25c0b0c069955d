import { sql } from 'kysely';
import { CHANGE_KINDS } from './labels';
import { unitsForPeriod } from './subtree';
import { dimension, type Indicator, measure, sums, text } from './types';

const OUTCOMES = {
  sessionsHeld: text('Số phiên lấy phiếu đã kết thúc', 'Sessions held (closed)'),
  sessionsVoid: text('Số phiên không hợp lệ (không đủ 2/3 số triệu tập)', 'Void sessions (quorum not met)'),
  peopleVotedOn: text('Số lượt người được lấy phiếu (phiên hợp lệ)', 'People voted on (valid sessions)'),
  removeFromPlanning: text(
    'Trên 50% phiếu tín nhiệm thấp (đưa ra khỏi quy hoạch)',
    'Over 50% low confidence (off planning)',
  ),
  dismissal: text(
    'Từ 2/3 phiếu tín nhiệm thấp trở lên (xem xét miễn nhiệm)',
    'Two thirds or more low (dismissal)',
  ),
};

const voteOutcomes: Indicator = {
  id: 'votes.outcomes',
  label: text('Kết quả lấy phiếu tín nhiệm', 'Confidence vote outcomes'),
  description: text(
    'Các phiên lấy phiếu tín nhiệm đã kết thúc có ngày lấy phiếu trong khoảng thời gian: số phiên, số phiên không hợp lệ, số lượt người được lấy phiếu và số người có kết quả phải xử lý theo Quy định 96-QĐ/TW.',
    'Closed confidence-vote sessions dated in the period: sessions, void sessions, people voted on and people flagged under Regulation 96-QĐ/TW.',
  ),
  module: 'votes',
  unit: 'sessions',
  timing: 'period',
  parameters: [],
  async compute(input) {
    const units = unitsForPeriod(input.subtree, input.asOf);
    const { rows } = await sql<Record<string, string>>`
      WITH s AS (
        SELECT id, is_void FROM vote_session
         WHERE tenant_id = ${input.tenantId} AND state = 'closed'
           AND vote_date BETWEEN ${input.from} AND ${input.to} AND unit_id IN ${units}
      )
      SELECT (SELECT count(*) FROM s) AS sessions_held,
             (SELECT count(*) FROM s WHERE s.is_void) AS sessions_void,
             count(r.person_id) AS people_voted_on,
             count(*) FILTER (WHERE r.flag = 'removeFromPlanning') AS remove_from_planning,
             count(*) FILTER (WHERE r.flag = 'dismissal') AS dismissal
        FROM vote_result r JOIN s ON s.id = r.session_id
       WHERE r.tenant_id = ${input.tenantId} AND NOT r.is_void`.execute(input.db);
    const r = rows[0] ?? {};
    const n = (k: string) => Number(r[k] ?? 0);
    const counts: Record<keyof typeof OUTCOMES, number> = {
      sessionsHeld: n('sessions_held'),
      sessionsVoid: n('sessions_void'),
      peopleVotedOn: n('people_voted_on'),
      removeFromPlanning: n('remove_from_planning'),
      dismissal: n('dismissal'),
    };
    return {
      columns: [
        dimension('outcome', 'Nội dung', 'Outcome'),
        measure('count', 'Số lượng', 'Count', 'sessions'),
      ],
      rows: Object.entries(OUTCOMES).map(([code, label]) => ({
        values: { outcome: code, count: counts[code as keyof typeof OUTCOMES] },
        labels: { outcome: label },
      })),
      total: null,
    };
  },
};

const orgChanges: Indicator = {
  id: 'org.changes',
  label: text('Sắp xếp tổ chức bộ máy', 'Restructuring changes'),
  description: text(
    'Các thay đổi tổ chức có hiệu lực trong khoảng thời gian, chạm tới đơn vị thuộc phạm vi: theo loại thay đổi, số lần, số đơn vị thành lập, số đơn vị chấm dứt hoạt động (sáp nhập, chia tách, giải thể) và số người được chuyển hồ sơ.',
    'Organisation changes effective in the period that touched a unit of the subtree: per kind, the changes, units created, units closed (merged, split, dissolved) and people whose records moved.',
  ),
  module: 'org',
  unit: 'changes',
  timing: 'period',
  parameters: [],
  async compute(input) {
    const units = unitsForPeriod(input.subtree, input.asOf);
    const count = (k: string) => sql`coalesce(sum((c.summary->'counts'->>${k})::int), 0)`;
    const { rows } = await sql<Record<string, string>>`
      SELECT c.kind, count(*) AS changes,
             ${count('unitsCreated')} AS units_created, ${count('unitsClosed')} AS units_closed,
             ${count('peopleMoved')} AS people_moved
        FROM org_change c
       WHERE c.tenant_id = ${input.tenantId} AND c.effective_date BETWEEN ${input.from} AND ${input.to}
         AND c.kind IN ('merge', 'split', 'dissolve', 'move', 'create')
         AND EXISTS (SELECT 1 FROM org_change_unit cu
                      WHERE cu.tenant_id = c.tenant_id AND cu.change_id = c.id AND cu.unit_id IN ${units})
       GROUP BY c.kind`.execute(input.db);
    const order = Object.keys(CHANGE_KINDS);
    rows.sort((a, b) => order.indexOf(a.kind!) - order.indexOf(b.kind!));
    const out = rows.map((r) => ({
      values: {
        kind: r.kind!,
        changes: Number(r.changes),
        unitsCreated: Number(r.units_created),
        unitsClosed: Number(r.units_closed),
        peopleMoved: Number(r.people_moved),
      },
      labels: { kind: CHANGE_KINDS[r.kind!] ?? text(r.kind!, r.kind!) },
    }));
    return {
      columns: [
        dimension('kind', 'Loại thay đổi', 'Kind'),
        measure('changes', 'Số lần', 'Changes', 'changes'),
        measure('unitsCreated', 'Đơn vị thành lập', 'Units created', 'units'),
        measure('unitsClosed', 'Đơn vị chấm dứt hoạt động', 'Units closed', 'units'),
        measure('peopleMoved', 'Người được chuyển hồ sơ', 'People moved', 'people'),
      ],
      rows: out,
      total: sums(out, ['changes', 'unitsCreated', 'unitsClosed', 'peopleMoved']),
    };
  },
};

export const votesOrgIndicators: Indicator[] = [voteOutcomes, orgChanges];
