import { stripDiacritics } from '@canbo/domain';
import {
  KINDERGARTEN_NAMES,
  MINORITY_COMMUNES,
  PRIVATE_ENTERPRISE_KINDS,
  PRIVATE_ENTERPRISE_WORDS,
  SCHOOL_EPONYMS,
} from './catalog';
import type { ProfileName } from './profiles';
import type { Random } from './random';
import {
  cellPosts,
  type HeadPost,
  heads,
  type PlannedUnit,
  type PlanOptions,
  REFORM_DATE,
  staffing,
  type TreeBuilder,
} from './tree';

function codeOf(name: string): string {
  return stripDiacritics(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A commune or ward of the 2025 reform with its government, party, front, schools and cells. */
export function addCommune(b: TreeBuilder, rng: Random, place: string, ward: boolean, opts: PlanOptions) {
  const kind = ward ? 'phường' : 'xã';
  const c = `${ward ? 'P' : 'X'}-${codeOf(place)}`;
  const area = `${ward ? 'Phường' : 'Xã'} ${place}`;
  const small = opts.small;
  const base = { validFrom: REFORM_DATE, level: 'commune' as const, adminArea: area };
  const commune = b.add(b.root, {
    ...base,
    code: c,
    name: area,
    type: 'commune',
    minority: MINORITY_COMMUNES.has(place),
    staffing: staffing(
      'communeGov',
      [
        ['Chủ tịch UBND', 'leader'],
        ['Chủ tịch HĐND', 'leader'],
        ...Array.from({ length: rng.int(2, 3) }, (): HeadPost => ['Phó Chủ tịch UBND', 'deputy']),
        ['Phó Chủ tịch HĐND', 'deputy'],
      ],
      0,
      0,
    ),
  });
  const party = b.add(commune, {
    ...base,
    code: `${c}-DB`,
    name: `Đảng bộ ${kind} ${place}`,
    type: 'affiliated_party_committee',
    staffing: staffing('communeParty', heads('Bí thư Đảng ủy', 'Phó Bí thư Thường trực Đảng ủy', 1), 0, 0),
    hostCode: c,
    partyPosts: [{ title: 'Phó Bí thư Đảng ủy', group: 'deputy', from: 'leader' }],
  });
  const cell = (
    code: string,
    name: string,
    hostCode: string | null,
    type: 'party_cell' | 'base_party_cell' = 'party_cell',
  ) =>
    b.add(party, {
      ...base,
      level: 'base',
      code: `${c}-CB-${code}`,
      name,
      type,
      hostCode,
      partyPosts: hostCode ? cellPosts('Chi bộ') : [],
      staffing: hostCode
        ? null
        : staffing('residential', heads('Bí thư Chi bộ', 'Phó Bí thư Chi bộ', rng.int(0, 1)), 0, 0),
    });
  const office = (
    suffix: string,
    name: string,
    lead: [string, string],
    specialists: [number, number],
    profile: ProfileName = 'communeOffice',
  ) =>
    b.add(commune, {
      ...base,
      code: `${c}-${suffix}`,
      name,
      type: 'state_agency',
      staffing: staffing(
        profile,
        heads(lead[0], lead[1], rng.int(1, 2)),
        rng.int(...specialists),
        rng.int(0, 2),
      ),
    });
  if (!small) {
    for (const [suffix, name, lead] of [
      ['VP', 'Văn phòng Đảng ủy', ['Chánh Văn phòng', 'Phó Chánh Văn phòng']],
      ['XDD', 'Ban Xây dựng Đảng Đảng ủy', ['Trưởng ban', 'Phó Trưởng ban']],
      ['UBKT', 'Ủy ban Kiểm tra Đảng ủy', ['Chủ nhiệm', 'Phó Chủ nhiệm']],
    ] as const) {
      b.add(party, {
        ...base,
        code: `${c}-DB-${suffix}`,
        name: `${name} ${kind} ${place}`,
        type: 'state_agency',
        isPartyOrg: false,
        staffing: staffing('communeParty', heads(lead[0], lead[1], 1), rng.int(2, 5), 0),
      });
    }
    cell('CQD', 'Chi bộ Cơ quan Đảng - Mặt trận', `${c}-DB-VP`);
  }
  office(
    'VP',
    `Văn phòng HĐND và UBND ${kind} ${place}`,
    ['Chánh Văn phòng', 'Phó Chánh Văn phòng'],
    [6, 12],
  );
  if (!small || place === 'Ba Đình') {
    office(
      'KT',
      ward ? `Phòng Kinh tế, Hạ tầng và Đô thị phường ${place}` : `Phòng Kinh tế xã ${place}`,
      ['Trưởng phòng', 'Phó Trưởng phòng'],
      [5, 12],
    );
  }
  cell('UBND', 'Chi bộ Cơ quan Ủy ban nhân dân', `${c}-VP`);
  if (!small) {
    office('VHXH', `Phòng Văn hóa - Xã hội ${kind} ${place}`, ['Trưởng phòng', 'Phó Trưởng phòng'], [4, 9]);
    office(
      'TTHC',
      `Trung tâm Phục vụ hành chính công ${kind} ${place}`,
      ['Giám đốc', 'Phó Giám đốc'],
      [6, 12],
    );
    cell('TTHC', 'Chi bộ Trung tâm Phục vụ hành chính công', `${c}-TTHC`);
    addFront(b, rng, commune, c, kind, place, ward, base);
  }
  // Schools: kindergartens, primary and lower-secondary, each with its party cell.
  const levels: [string, string, ProfileName, [number, number], [number, number]][] = [
    ['MN', 'Trường Mầm non', 'kindergarten', ward ? [3, 6] : [2, 4], [18, 35]],
    ['TH', 'Trường Tiểu học', 'primary', ward ? [2, 5] : [2, 3], [25, 50]],
    ['THCS', 'Trường THCS', 'lowerSecondary', ward ? [2, 3] : [1, 2], [25, 45]],
  ];
  const smallLevel = place === 'Ba Đình' ? 'TH' : place === 'Hoàn Kiếm' ? 'MN' : 'THCS';
  for (const [prefix, label, profile, count, teachers] of levels) {
    if (small && prefix !== smallLevel) continue;
    const names = [place, ...rng.sample(prefix === 'MN' ? KINDERGARTEN_NAMES : SCHOOL_EPONYMS, 8)];
    const n = small ? 1 : rng.int(...count);
    for (let i = 0; i < n; i++) {
      const school = b.add(commune, {
        ...base,
        level: 'base',
        code: `${c}-${prefix}${i + 1}`,
        name: `${label} ${names[i]}`,
        type: 'public_service_unit',
        staffing: staffing(
          profile,
          heads('Hiệu trưởng', 'Phó Hiệu trưởng', rng.int(1, 3)),
          rng.int(...teachers),
          rng.int(3, 8),
        ),
      });
      cell(`${prefix}${i + 1}`, `Chi bộ ${school.name}`, school.code);
    }
  }
  if (!small) {
    b.add(commune, {
      ...base,
      level: 'base',
      code: `${c}-TYT`,
      name: `Trạm Y tế ${kind} ${place}`,
      type: 'public_service_unit',
      staffing: staffing(
        'healthStation',
        heads('Trạm trưởng', 'Phó Trạm trưởng', 1),
        rng.int(6, 12),
        rng.int(1, 2),
      ),
    });
    cell('TYT', 'Chi bộ Trạm Y tế', `${c}-TYT`);
    // Private enterprises with party cells (party building in the non-state sector).
    const enterprises = rng.int(0, ward ? 2 : 1);
    for (let i = 1; i <= enterprises; i++) {
      const name = `${rng.pick(PRIVATE_ENTERPRISE_KINDS)} ${rng.pick(PRIVATE_ENTERPRISE_WORDS)} ${place}`;
      const company = b.add(commune, {
        ...base,
        level: 'base',
        code: `${c}-DN${i}`,
        name,
        type: 'enterprise',
        staffing: staffing(
          'enterprise',
          heads('Giám đốc', 'Phó Giám đốc', 1),
          rng.int(3, 8),
          rng.int(15, 60),
        ),
      });
      cell(`DN${i}`, `Chi bộ ${company.name}`, company.code, 'base_party_cell');
    }
  }
  // Party cells of residential areas: tổ dân phố in wards, thôn in communes.
  const residential = small ? (place === 'Hoàn Kiếm' ? 1 : 2) : ward ? rng.int(8, 18) : rng.int(10, 22);
  for (let i = 1; i <= residential; i++) {
    const nn = String(i).padStart(2, '0');
    cell(ward ? `TDP${nn}` : `THON${nn}`, ward ? `Chi bộ Tổ dân phố số ${i}` : `Chi bộ Thôn ${i}`, null);
  }
}

function addFront(
  b: TreeBuilder,
  rng: Random,
  commune: PlannedUnit,
  c: string,
  kind: string,
  place: string,
  ward: boolean,
  base: { validFrom: string; level: 'commune'; adminArea: string },
) {
  const front = b.add(commune, {
    ...base,
    code: `${c}-MTTQ`,
    name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${kind} ${place}`,
    type: 'mass_organisation',
    staffing: staffing(
      'front',
      heads('Chủ tịch Ủy ban MTTQ', 'Phó Chủ tịch Ủy ban MTTQ', 2),
      rng.int(1, 3),
      0,
    ),
  });
  const orgs: [string, string, ProfileName, string, string][] = [
    ['DTN', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'youth', 'Bí thư Đoàn', 'Phó Bí thư Đoàn'],
    ['PN', 'Hội Liên hiệp Phụ nữ', 'women', 'Chủ tịch Hội', 'Phó Chủ tịch Hội'],
    ['CCB', 'Hội Cựu chiến binh', 'veterans', 'Chủ tịch Hội', 'Phó Chủ tịch Hội'],
  ];
  if (!ward) orgs.push(['ND', 'Hội Nông dân', 'mass', 'Chủ tịch Hội', 'Phó Chủ tịch Hội']);
  for (const [suffix, name, profile, leader, deputy] of orgs) {
    b.add(front, {
      ...base,
      code: `${c}-${suffix}`,
      name: `${name} ${kind} ${place}`,
      type: 'mass_organisation',
      staffing: staffing(profile, heads(leader, deputy, 1), rng.int(0, 1), 0),
    });
  }
}
