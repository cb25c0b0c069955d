import type { Readable } from 'node:stream';
import {
  type AWARD_KINDS,
  type DISCIPLINE_FORMS,
  formatDate,
  formatDocumentDate,
  formatPlaceAndDate,
  type PersonListItem,
  type PersonListQuery,
  type PersonProfile,
  type TRAINING_KINDS,
} from '@canbo/domain';
import { type Actor, assertCan, hasPermission, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { type ResumeData, resumeDocx } from '../../documents/resume-2c';
import { type RowValues, type SheetColumn, streamTable } from '../../documents/xlsx-writer';
import { NotFound } from '../../errors';
import { todayInVietnam } from '../people/people.dates';
import type { PeopleService } from '../people/people.service';
import type { UnitsService } from '../units/units.service';
import { UNIT_COLUMNS } from './columns';
import { subtreeUnits } from './exports.repository';
import {
  labelOf,
  PARTY_STATUS_OPTIONS,
  PERSON_STATUS_OPTIONS,
  POLITICAL_THEORY_OPTIONS,
  SEX_OPTIONS,
  STAFF_CATEGORY_OPTIONS,
  UNIT_LEVEL_OPTIONS,
  UNIT_TYPE_OPTIONS,
} from './labels';

/**
 * Lists and résumés out of the system. People come through the people service (its filters, its
 * scope, its masking, its audit of sensitive reads), a page of 2,000 at a time, streamed into the
 * workbook; the export itself is audited once with its filters and whether anything was shown in
 * clear. Units are exported in the units template's columns, so the file can be edited and imported.
 */

const PAGE = 2_000;
const HIDDEN = '(ẩn)';

const PEOPLE_EXPORT: SheetColumn[] = [
  { header: 'STT', key: 'n', width: 7 },
  { header: 'Mã cán bộ', key: 'code', width: 14 },
  { header: 'Họ và tên', key: 'fullName', width: 26 },
  { header: 'Giới tính', key: 'sex', width: 9 },
  { header: 'Ngày sinh', key: 'birthDate', width: 12 },
  { header: 'Tuổi', key: 'age', width: 7 },
  { header: 'Số CCCD', key: 'cccd', width: 16 },
  { header: 'Dân tộc', key: 'ethnicity', width: 10 },
  { header: 'Đơn vị', key: 'unitName', width: 30 },
  { header: 'Chức vụ', key: 'positions', width: 36 },
  { header: 'Đối tượng', key: 'staffCategory', width: 16 },
  { header: 'Đảng viên', key: 'party', width: 14 },
  { header: 'Ngày vào Đảng', key: 'partyAdmitted', width: 13 },
  { header: 'Ngày chính thức', key: 'partyFull', width: 13 },
  { header: 'Số thẻ đảng viên', key: 'partyCard', width: 15 },
  { header: 'Tình trạng', key: 'status', width: 14 },
];

const date = (d: string | null | undefined) => (d ? formatDate(d) : '');

function personRow(p: PersonListItem, n: number): RowValues {
  const party = p.party;
  return {
    n,
    code: p.code,
    fullName: p.fullName,
    sex: labelOf(SEX_OPTIONS, p.sex),
    birthDate: date(p.birthDate),
    age: p.age,
    cccd: p.cccd ?? '',
    ethnicity: p.ethnicity,
    unitName: p.unitName,
    positions: p.positions.map((x) => `${x.title}${x.isConcurrent ? ' (kiêm nhiệm)' : ''}`).join('; '),
    staffCategory: labelOf(STAFF_CATEGORY_OPTIONS, p.staffCategory),
    party: p.partyMasked ? HIDDEN : labelOf(PARTY_STATUS_OPTIONS, party?.status),
    partyAdmitted: p.partyMasked ? '' : date(party?.admittedDate),
    partyFull: p.partyMasked ? '' : date(party?.fullDate),
    partyCard: p.partyMasked ? '' : (party?.cardNumber ?? ''),
    status: labelOf(PERSON_STATUS_OPTIONS, p.status),
  };
}

const month = (d: string | null) => (d ? `${d.slice(5, 7)}/${d.slice(0, 4)}` : 'nay');

const AWARD_LABELS: Record<(typeof AWARD_KINDS)[number], string> = {
  order: 'Huân chương',
  medal: 'Huy chương',
  honorary_title: 'Danh hiệu vinh dự',
  certificate_of_merit: 'Bằng khen',
  commendation: 'Giấy khen',
  emulation_flag: 'Cờ thi đua',
  emulation_title: 'Danh hiệu thi đua',
  party_badge: 'Huy hiệu Đảng',
  other: 'Khác',
};
const DISCIPLINE_LABELS: Record<(typeof DISCIPLINE_FORMS)[number], string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  removal_from_post: 'Cách chức',
  dismissal: 'Buộc thôi việc',
  expulsion: 'Khai trừ',
  demotion: 'Hạ bậc lương, giáng chức',
  forced_resignation: 'Buộc từ chức',
};
const TRAINING_LABELS: Record<(typeof TRAINING_KINDS)[number], string> = {
  professional: 'Chuyên môn, nghiệp vụ',
  political_theory: 'Lý luận chính trị',
  state_management: 'Quản lý nhà nước',
  foreign_language: 'Ngoại ngữ',
  it: 'Tin học',
  defence_security: 'Quốc phòng, an ninh',
  other: 'Khác',
};

/** "Thành ủy Hà Nội" → "Hà Nội": the place of the date line. */
function placeOf(rootName: string): string {
  const place = rootName
    .replace(/^(thành ủy|tỉnh ủy|đảng bộ (thành phố|tỉnh)|ủy ban nhân dân (thành phố|tỉnh))\s+/iu, '')
    .trim();
  return place || '……';
}

/** A profile (already masked for the reader) → the résumé's display values. */
export function resumeData(
  p: PersonProfile,
  units: { province: string; unit: string; baseUnit: string },
  today: string,
): ResumeData {
  const current = p.positions.filter((x) => x.current);
  const main = current.find((x) => !x.isConcurrent);
  const honours = p.awards
    .filter((a) => a.kind === 'honorary_title')
    .map((a) => `${a.title} (${a.decisionDate.slice(0, 4)})`);
  const party = p.partyMasked || !p.party ? 'masked' : p.party;
  return {
    ...units,
    code: p.code,
    fullName: p.fullName,
    sex: labelOf(SEX_OPTIONS, p.sex),
    otherName: p.otherName,
    birthDate: formatDocumentDate(p.birthDate).replace(/^ngày /, ''),
    birthPlace: p.birthPlace,
    hometown: p.hometown,
    phone: p.phone,
    email: p.email,
    ethnicity: p.ethnicity,
    religion: p.religion,
    positionsNow: current.map((x) => `${x.title}${x.isConcurrent ? ' (kiêm nhiệm)' : ''}`).join('; ') || null,
    mainWork: main ? `${main.title}, ${main.unitName}` : null,
    party:
      party === 'masked'
        ? 'masked'
        : party.status === 'none'
          ? { admitted: null, full: null, card: null, status: null }
          : {
              admitted: party.admittedDate ? formatDate(party.admittedDate) : null,
              full: party.fullDate ? formatDate(party.fullDate) : null,
              card: party.cardNumber,
              status: labelOf(PARTY_STATUS_OPTIONS, party.status),
            },
    education: p.educationLevel,
    qualification: p.professionalQualification,
    politicalTheory: p.politicalTheory ? labelOf(POLITICAL_THEORY_OPTIONS, p.politicalTheory) : null,
    stateManagement: p.stateManagement,
    foreignLanguage: p.foreignLanguage,
    itLevel: p.itLevel,
    staffCategory: labelOf(STAFF_CATEGORY_OPTIONS, p.staffCategory),
    salary: {
      scale: p.salaryScale,
      step: p.salaryStep === null ? null : String(p.salaryStep),
      since: p.salaryDate ? formatDate(p.salaryDate) : null,
    },
    honours: honours.join('; ') || null,
    awardsSummary: p.awards.length ? `${p.awards.length} (xem mục 28)` : 'Không',
    disciplinesSummary: p.disciplines.length ? `${p.disciplines.length} (xem mục 29)` : 'Không',
    cccd: p.cccd,
    trainings: [...p.trainings]
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .map((t) => [
        t.institution ?? '',
        `${t.course} (${TRAINING_LABELS[t.kind]})`,
        `${month(t.startDate)} – ${month(t.endDate)}`,
        '',
        t.certificate ?? '',
      ]),
    career: [...p.positions]
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .map((x) => [
        `${month(x.startDate)} – ${month(x.endDate)}`,
        `${x.title}, ${x.unitName}${x.isConcurrent ? ' (kiêm nhiệm)' : ''}`,
      ]),
    awards: [...p.awards]
      .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate))
      .map((a) => [
        formatDate(a.decisionDate),
        AWARD_LABELS[a.kind],
        a.title,
        [a.decisionNumber, a.issuer].filter(Boolean).join(', '),
      ]),
    disciplines: [...p.disciplines]
      .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate))
      .map((d) => [
        formatDate(d.decisionDate),
        DISCIPLINE_LABELS[d.form],
        d.reason ?? '',
        [d.decisionNumber, d.issuer].filter(Boolean).join(', '),
        date(d.expiryDate),
      ]),
    placeAndDate: formatPlaceAndDate(placeOf(units.province), today),
  };
}

export function createExportsService(
  ctx: AppContext,
  services: { people: PeopleService; units: UnitsService },
) {
  const { db } = ctx;

  return {
    /** The filtered people list as .xlsx, in the list's order (Vietnamese name order by default). */
    async people(actor: Actor, query: PersonListQuery): Promise<{ fileName: string; output: Readable }> {
      assertCan(actor, 'people.read');
      const first = await services.people.list(actor, { ...query, page: 1, pageSize: PAGE });
      // Shown in clear: on the first page, or further on to someone who may read such fields at all.
      const clear = first.items.some((i) => !i.cccdMasked || !i.partyMasked);
      const unmasked =
        clear || (first.total > first.items.length && hasPermission(actor, 'people.readSensitive'));
      const unitPath = query.unitId ? (await services.units.get(actor, query.unitId)).path : null;
      await db.transaction().execute((tx) =>
        recordAudit(tx, actor, {
          action: 'people.exported',
          entityType: 'person',
          unitPath,
          after: { filters: { ...query, page: undefined, pageSize: undefined }, rows: first.total, unmasked },
        }),
      );
      const sheet = streamTable('Cán bộ', PEOPLE_EXPORT);
      const write = async () => {
        let n = 0;
        let page = first;
        for (let p = 1; ; p++) {
          for (const item of page.items) sheet.add(personRow(item, ++n));
          if (page.items.length < PAGE) break;
          page = await services.people.list(actor, { ...query, page: p + 1, pageSize: PAGE });
        }
        await sheet.finish();
      };
      write().catch((error: unknown) => {
        ctx.logger.error({ err: error }, 'people export failed');
        sheet.abort(error instanceof Error ? error : new Error(String(error)));
      });
      return { fileName: `danh-sach-can-bo-${todayInVietnam()}.xlsx`, output: sheet.output };
    },

    /** Units the caller may read (a subtree, or all of them) in tree order, in the import template's columns. */
    async units(
      actor: Actor,
      query: { unitId?: string; includeClosed?: 'true' | 'false' },
    ): Promise<{ fileName: string; output: Readable }> {
      const scope = scopeOf(actor, 'units.read');
      const root = query.unitId ? await services.units.get(actor, query.unitId) : null;
      const rows = await subtreeUnits(db, scope, root?.path ?? null, query.includeClosed === 'true');
      const columns: SheetColumn[] = [
        { header: 'STT', key: 'n', width: 7 },
        ...UNIT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
        { header: 'Ghi chú', key: 'note', width: 20 },
      ];
      const sheet = streamTable('Đơn vị', columns);
      rows.forEach((u, i) => {
        sheet.add({
          n: i + 1,
          code: u.code,
          name: u.name,
          parentCode: u.parent_code ?? '',
          type: labelOf(UNIT_TYPE_OPTIONS, u.type),
          shortName: u.short_name ?? '',
          level: labelOf(UNIT_LEVEL_OPTIONS, u.level),
          isPartyOrg: u.is_party_org ? 'Có' : 'Không',
          address: u.address ?? '',
          adminArea: u.admin_area ?? '',
          validFrom: formatDate(u.valid_from),
          note:
            u.status === 'active'
              ? ''
              : ({ dissolved: 'Đã giải thể', merged: 'Đã sáp nhập', split: 'Đã chia tách' }[u.status] ??
                u.status),
        });
      });
      void sheet
        .finish()
        .catch((error: unknown) => sheet.abort(error instanceof Error ? error : new Error(String(error))));
      return { fileName: `danh-sach-don-vi-${todayInVietnam()}.xlsx`, output: sheet.output };
    },

    /** The person's résumé (Mẫu 2C) as .docx, masked as the profile is for the caller. */
    async resume(actor: Actor, id: string): Promise<{ fileName: string; bytes: Buffer }> {
      const profile = await services.people.get(actor, id);
      let names: string[] = [];
      try {
        const unit = await services.units.detail(actor, profile.unitId);
        names = [...unit.ancestors.map((a) => a.name), unit.name];
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        names = [profile.unitName];
      }
      const units = {
        province: names[0] ?? '',
        unit: names.length > 2 ? names[1]! : (names[0] ?? ''),
        baseUnit: names.at(-1) ?? profile.unitName,
      };
      const today = todayInVietnam();
      const bytes = await resumeDocx(resumeData(profile, units, today));
      return { fileName: `so-yeu-ly-lich-${profile.code}.docx`, bytes };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
