import {
  COMMUNES, DEPARTMENTS, type DepartmentSpec, ENTERPRISE_DIVISIONS, FAMOUS_HIGH_SCHOOLS, HOSPITAL_WARDS, HOSPITALS,
  KINDERGARTEN_NAMES, MINORITY_COMMUNES, OLD_DISTRICTS, PARTY_BODIES, PRIVATE_ENTERPRISE_KINDS, PRIVATE_ENTERPRISE_WORDS,
  SCHOOL_EPONYMS, STATE_ENTERPRISES, WARDS,
} from './catalog';
import { stripDiacritics } from '@canbo/domain';
import type { ProfileName } from './profiles';
import type { Random } from './random';
import { cellPosts, type HeadPost, heads, type PlannedUnit, type RootRef, type TreeBuilder } from './tree';

/** The size of the demo: `small` keeps first start fast, `city` is a whole city's cadre base. */
export interface PlanOptions {
  small: boolean;
}

export const REFORM_DATE = '2025-07-01';
const OLD = '2008-08-01';

/** Adds the whole organisation under the root: city bodies, party organisations, communes. */
export function planOrganisation(b: TreeBuilder, rng: Random, opts: PlanOptions): void {
  const root = b.root;
  const partyBodies = opts.small ? PARTY_BODIES.filter((p) => p.code === 'BTCTU' || p.code === 'UBKTTU') : PARTY_BODIES;
  for (const spec of partyBodies) addBody(b, rng, root, spec, opts, spec.code === 'UBKTTU' ? 'inspection' : 'partyBody');
  const departments = opts.small ? DEPARTMENTS.filter((d) => d.code === 'SNV' || d.code === 'STC') : DEPARTMENTS;
  for (const spec of departments) addBody(b, rng, root, spec, opts, spec.code === 'TTTP' ? 'inspectorate' : 'department');
  if (!opts.small) {
    addSchoolsAndHospitals(b, rng);
    addCityPublicUnits(b, rng, root);
    addMassOrganisations(b, rng, root);
    for (const [code, name] of STATE_ENTERPRISES) addStateEnterprise(b, rng, root, code, name);
  }
  const wards = opts.small ? ['Ba Đình', 'Hoàn Kiếm'] : WARDS;
  const communes = opts.small ? ['Sóc Sơn'] : COMMUNES;
  for (const name of wards) addCommune(b, rng, name, true, opts);
  for (const name of communes) addCommune(b, rng, name, false, opts);
  addPartyCommittees(b, rng, opts);
}

function codeOf(name: string): string {
  return stripDiacritics(name).toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function staffing(profile: ProfileName, posts: ReturnType<typeof heads>, specialists: number, staff: number) {
  return { profile, heads: posts, specialists, staff };
}

/** A department or party body with its offices (and, in the city, its public service units). */
function addBody(b: TreeBuilder, rng: Random, root: RootRef, spec: DepartmentSpec, opts: PlanOptions, profile: ProfileName) {
  const [leader, deputy] = spec.head ?? ['Giám đốc', 'Phó Giám đốc'];
  const isParty = profile === 'partyBody' || profile === 'inspection';
  const body = b.add(root, {
    code: spec.code, name: spec.name, type: 'department', validFrom: spec.validFrom, level: 'province',
    staffing: staffing(profile, heads(leader, deputy, rng.int(2, 4)), isParty ? rng.int(2, 4) : 0, isParty ? 1 : 0),
  });
  const offices = opts.small ? spec.offices.filter(([suffix]) => suffix !== 'VP').slice(0, spec.code === 'SNV' ? 2 : 1) : spec.offices;
  if (opts.small && isParty) return;
  for (const [suffix, name] of offices) {
    const vp = suffix === 'VP' && name.startsWith('Văn phòng');
    b.add(body, {
      code: `${spec.code}-${suffix}`, name, type: 'state_agency', validFrom: spec.validFrom,
      staffing: staffing(profile, vp ? heads('Chánh Văn phòng', 'Phó Chánh Văn phòng', rng.int(1, 2)) : heads('Trưởng phòng', 'Phó Trưởng phòng', rng.int(1, 2)),
        rng.int(5, 14), rng.int(0, 3)),
    });
  }
  if (opts.small) return;
  for (const [suffix, name, type] of spec.units ?? []) {
    const [l, d] = unitHeads(name);
    b.add(body, {
      code: `${spec.code}-${suffix}`, name, type, validFrom: spec.validFrom,
      staffing: staffing(type === 'state_agency' ? 'department' : 'center', heads(l, d, rng.int(1, 3)), rng.int(12, 45), rng.int(2, 6)),
    });
  }
}

function unitHeads(name: string): [string, string] {
  if (name.startsWith('Chi cục')) return ['Chi cục trưởng', 'Phó Chi cục trưởng'];
  if (name.startsWith('Ban')) return ['Trưởng ban', 'Phó Trưởng ban'];
  if (name.startsWith('Viện')) return ['Viện trưởng', 'Phó Viện trưởng'];
  if (name.startsWith('Phòng')) return ['Trưởng phòng', 'Phó Trưởng phòng'];
  if (name.startsWith('Văn phòng')) return ['Chánh Văn phòng', 'Phó Chánh Văn phòng'];
  return ['Giám đốc', 'Phó Giám đốc'];
}

/** Upper-secondary schools, continuing education centres and hospitals under their departments. */
function addSchoolsAndHospitals(b: TreeBuilder, rng: Random) {
  const education = b.get('SGDDT');
  const highSchools = [...FAMOUS_HIGH_SCHOOLS, ...COMMUNES.filter((_, i) => i % 4 !== 3).map((c) => `Trường THPT ${c}`),
    ...WARDS.filter((_, i) => i % 3 === 0).map((w) => `Trường THPT ${w}`)];
  const seen = new Set<string>();
  let n = 0;
  for (const name of highSchools) {
    if (seen.has(name)) continue;
    seen.add(name);
    b.add(education, {
      code: `SGDDT-THPT${String(++n).padStart(3, '0')}`, name, type: 'public_service_unit', validFrom: OLD, level: 'base',
      staffing: staffing('upperSecondary', heads('Hiệu trưởng', 'Phó Hiệu trưởng', rng.int(2, 3)), rng.int(45, 90), rng.int(4, 9)),
    });
  }
  OLD_DISTRICTS.filter((_, i) => i % 2 === 0).forEach((d, i) => {
    b.add(education, {
      code: `SGDDT-GDTX${String(i + 1).padStart(2, '0')}`, name: `Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${d}`,
      type: 'public_service_unit', validFrom: OLD, level: 'base',
      staffing: staffing('center', heads('Giám đốc', 'Phó Giám đốc', 2), rng.int(20, 40), rng.int(3, 6)),
    });
  });
  const health = b.get('SYT');
  HOSPITALS.forEach((name, i) => {
    const code = `SYT-BV${String(i + 1).padStart(2, '0')}`;
    const hospital = b.add(health, {
      code, name, type: 'public_service_unit', validFrom: OLD, level: 'base',
      staffing: staffing('hospital', heads('Giám đốc', 'Phó Giám đốc', rng.int(2, 4)), 0, 0),
    });
    const wards = rng.sample(HOSPITAL_WARDS, rng.int(8, 14));
    wards.forEach((ward, j) => {
      const isOffice = ward.startsWith('Phòng');
      b.add(hospital, {
        code: `${code}-K${String(j + 1).padStart(2, '0')}`, name: ward, type: 'public_service_unit', validFrom: OLD,
        staffing: staffing('hospital', isOffice ? heads('Trưởng phòng', 'Phó Trưởng phòng', 1) : heads('Trưởng khoa', 'Phó Trưởng khoa', rng.int(1, 2)),
          isOffice ? rng.int(5, 12) : rng.int(14, 45), rng.int(2, 8)),
      });
    });
  });
  OLD_DISTRICTS.forEach((d, i) => {
    b.add(health, {
      code: `SYT-TTYT${String(i + 1).padStart(2, '0')}`, name: `Trung tâm Y tế khu vực ${d}`, type: 'public_service_unit',
      validFrom: REFORM_DATE, level: 'base',
      staffing: staffing('hospital', heads('Giám đốc', 'Phó Giám đốc', rng.int(2, 3)), rng.int(30, 80), rng.int(4, 10)),
    });
  });
}

/** The political school and the city's press, directly under the committee. */
function addCityPublicUnits(b: TreeBuilder, rng: Random, root: RootRef) {
  const school = b.add(root, {
    code: 'TCTTH', name: 'Trường Chính trị Tô Hiệu', type: 'public_service_unit', validFrom: OLD,
    staffing: staffing('college', heads('Hiệu trưởng', 'Phó Hiệu trưởng', 3), 0, 0),
  });
  [['XDD', 'Khoa Xây dựng Đảng'], ['LLCS', 'Khoa Lý luận cơ sở'], ['NNPL', 'Khoa Nhà nước và Pháp luật'], ['DV', 'Khoa Dân vận'],
    ['TCHC', 'Phòng Tổ chức - Hành chính'], ['QLDT', 'Phòng Quản lý đào tạo']].forEach(([suffix, name]) => {
    const office = name!.startsWith('Phòng');
    b.add(school, {
      code: `TCTTH-${suffix}`, name: name!, type: 'public_service_unit', validFrom: OLD,
      staffing: staffing('college', office ? heads('Trưởng phòng', 'Phó Trưởng phòng', 1) : heads('Trưởng khoa', 'Phó Trưởng khoa', 1),
        rng.int(6, 14), office ? rng.int(1, 3) : 0),
    });
  });
  const press = b.add(root, {
    code: 'BPTTH', name: 'Báo và Phát thanh, Truyền hình Hà Nội', type: 'public_service_unit', validFrom: '2025-03-01',
    staffing: staffing('center', heads('Tổng Biên tập', 'Phó Tổng Biên tập', 4), 0, 0),
  });
  [['TS', 'Ban Thời sự'], ['KT', 'Ban Kinh tế'], ['VHXH', 'Ban Văn hóa - Xã hội'], ['DT', 'Ban Điện tử'], ['BT', 'Ban Biên tập'],
    ['KTCN', 'Ban Kỹ thuật - Công nghệ'], ['TCHC', 'Ban Tổ chức - Hành chính']].forEach(([suffix, name]) => {
    b.add(press, {
      code: `BPTTH-${suffix}`, name: name!, type: 'public_service_unit', validFrom: '2025-03-01',
      staffing: staffing('center', heads('Trưởng ban', 'Phó Trưởng ban', rng.int(1, 2)), rng.int(12, 30), rng.int(1, 4)),
    });
  });
}

function addMassOrganisations(b: TreeBuilder, rng: Random, root: RootRef) {
  const front = b.add(root, {
    code: 'MTTQ-TP', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hà Nội', type: 'mass_organisation', validFrom: '2025-07-01',
    staffing: staffing('front', heads('Chủ tịch', 'Phó Chủ tịch', 4), rng.int(8, 14), 2),
  });
  const members: [string, string, ProfileName, string, string][] = [
    ['LDLD', 'Liên đoàn Lao động Thành phố Hà Nội', 'mass', 'Chủ tịch', 'Phó Chủ tịch'],
    ['TD', 'Thành đoàn Hà Nội', 'youth', 'Bí thư Thành đoàn', 'Phó Bí thư Thành đoàn'],
    ['HLHPN', 'Hội Liên hiệp Phụ nữ Thành phố Hà Nội', 'women', 'Chủ tịch', 'Phó Chủ tịch'],
    ['HND', 'Hội Nông dân Thành phố Hà Nội', 'mass', 'Chủ tịch', 'Phó Chủ tịch'],
    ['HCCB', 'Hội Cựu chiến binh Thành phố Hà Nội', 'veterans', 'Chủ tịch', 'Phó Chủ tịch'],
  ];
  for (const [code, name, profile, leader, deputy] of members) {
    const org = b.add(front, {
      code: `MTTQ-${code}`, name, type: 'mass_organisation', validFrom: '2025-07-01',
      staffing: staffing(profile, heads(leader, deputy, rng.int(2, 3)), 0, 0),
    });
    for (const [suffix, bname] of [['VP', 'Văn phòng'], ['TC', 'Ban Tổ chức - Kiểm tra'], ['TG', 'Ban Tuyên giáo']] as const) {
      b.add(org, {
        code: `MTTQ-${code}-${suffix}`, name: `${bname} ${name.replace(' Thành phố Hà Nội', '')}`, type: 'other', validFrom: '2025-07-01',
        staffing: staffing(profile, suffix === 'VP' ? heads('Chánh Văn phòng', 'Phó Chánh Văn phòng', 1) : heads('Trưởng ban', 'Phó Trưởng ban', 1),
          rng.int(3, 7), suffix === 'VP' ? rng.int(1, 3) : 0),
      });
    }
  }
}

function addStateEnterprise(b: TreeBuilder, rng: Random, root: RootRef, code: string, name: string) {
  const group = name.startsWith('Tổng công ty');
  const company = b.add(root, {
    code, name, type: 'enterprise', validFrom: '2010-07-01', level: 'base',
    staffing: staffing('enterprise', heads(group ? 'Tổng Giám đốc' : 'Giám đốc', group ? 'Phó Tổng Giám đốc' : 'Phó Giám đốc', rng.int(2, 4)),
      rng.int(4, 10), rng.int(2, 5)),
  });
  rng.sample(ENTERPRISE_DIVISIONS, rng.int(4, 8)).forEach((division, i) => {
    const works = !division.startsWith('Phòng');
    b.add(company, {
      code: `${code}-D${i + 1}`, name: division, type: 'other', validFrom: '2010-07-01',
      staffing: staffing('enterprise', works ? heads('Giám đốc', 'Phó Giám đốc', rng.int(1, 2)) : heads('Trưởng phòng', 'Phó Trưởng phòng', 1),
        rng.int(4, 15), works ? rng.int(30, 120) : rng.int(0, 4)),
    });
  });
}

/** A commune or ward of the 2025 reform with its government, party, front, schools and cells. */
function addCommune(b: TreeBuilder, rng: Random, place: string, ward: boolean, opts: PlanOptions) {
  const kind = ward ? 'phường' : 'xã';
  const c = `${ward ? 'P' : 'X'}-${codeOf(place)}`;
  const area = `${ward ? 'Phường' : 'Xã'} ${place}`;
  const small = opts.small;
  const base = { validFrom: REFORM_DATE, level: 'commune' as const, adminArea: area };
  const commune = b.add(b.root, {
    ...base, code: c, name: area, type: 'commune', minority: MINORITY_COMMUNES.has(place),
    staffing: staffing('communeGov', [
      ['Chủ tịch UBND', 'leader'], ['Chủ tịch HĐND', 'leader'],
      ...Array.from({ length: rng.int(2, 3) }, (): HeadPost => ['Phó Chủ tịch UBND', 'deputy']), ['Phó Chủ tịch HĐND', 'deputy'],
    ], 0, 0),
  });
  const party = b.add(commune, {
    ...base, code: `${c}-DB`, name: `Đảng bộ ${kind} ${place}`, type: 'affiliated_party_committee',
    staffing: staffing('communeParty', heads('Bí thư Đảng ủy', 'Phó Bí thư Thường trực Đảng ủy', 1), 0, 0),
    hostCode: c, partyPosts: [{ title: 'Phó Bí thư Đảng ủy', group: 'deputy', from: 'leader' }],
  });
  const cell = (code: string, name: string, hostCode: string | null, type: 'party_cell' | 'base_party_cell' = 'party_cell') =>
    b.add(party, {
      ...base, level: 'base', code: `${c}-CB-${code}`, name, type, hostCode, partyPosts: hostCode ? cellPosts('Chi bộ') : [],
      staffing: hostCode ? null : staffing('residential', heads('Bí thư Chi bộ', 'Phó Bí thư Chi bộ', rng.int(0, 1)), 0, 0),
    });
  const office = (suffix: string, name: string, lead: [string, string], specialists: [number, number], profile: ProfileName = 'communeOffice') =>
    b.add(commune, {
      ...base, code: `${c}-${suffix}`, name, type: 'state_agency',
      staffing: staffing(profile, heads(lead[0], lead[1], rng.int(1, 2)), rng.int(...specialists), rng.int(0, 2)),
    });
  if (!small) {
    for (const [suffix, name, lead] of [
      ['VP', 'Văn phòng Đảng ủy', ['Chánh Văn phòng', 'Phó Chánh Văn phòng']],
      ['XDD', 'Ban Xây dựng Đảng Đảng ủy', ['Trưởng ban', 'Phó Trưởng ban']],
      ['UBKT', 'Ủy ban Kiểm tra Đảng ủy', ['Chủ nhiệm', 'Phó Chủ nhiệm']],
    ] as const) {
      b.add(party, {
        ...base, code: `${c}-DB-${suffix}`, name: `${name} ${kind} ${place}`, type: 'state_agency', isPartyOrg: false,
        staffing: staffing('communeParty', heads(lead[0], lead[1], 1), rng.int(2, 5), 0),
      });
    }
    cell('CQD', 'Chi bộ Cơ quan Đảng - Mặt trận', `${c}-DB-VP`);
  }
  office('VP', `Văn phòng HĐND và UBND ${kind} ${place}`, ['Chánh Văn phòng', 'Phó Chánh Văn phòng'], [6, 12]);
  if (!small || place === 'Ba Đình') {
    office('KT', ward ? `Phòng Kinh tế, Hạ tầng và Đô thị phường ${place}` : `Phòng Kinh tế xã ${place}`, ['Trưởng phòng', 'Phó Trưởng phòng'], [5, 12]);
  }
  cell('UBND', 'Chi bộ Cơ quan Ủy ban nhân dân', `${c}-VP`);
  if (!small) {
    office('VHXH', `Phòng Văn hóa - Xã hội ${kind} ${place}`, ['Trưởng phòng', 'Phó Trưởng phòng'], [4, 9]);
    office('TTHC', `Trung tâm Phục vụ hành chính công ${kind} ${place}`, ['Giám đốc', 'Phó Giám đốc'], [6, 12]);
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
        ...base, level: 'base', code: `${c}-${prefix}${i + 1}`, name: `${label} ${names[i]}`, type: 'public_service_unit',
        staffing: staffing(profile, heads('Hiệu trưởng', 'Phó Hiệu trưởng', rng.int(1, 3)), rng.int(...teachers), rng.int(3, 8)),
      });
      cell(`${prefix}${i + 1}`, `Chi bộ ${school.name}`, school.code);
    }
  }
  if (!small) {
    b.add(commune, {
      ...base, level: 'base', code: `${c}-TYT`, name: `Trạm Y tế ${kind} ${place}`, type: 'public_service_unit',
      staffing: staffing('healthStation', heads('Trạm trưởng', 'Phó Trạm trưởng', 1), rng.int(6, 12), rng.int(1, 2)),
    });
    cell('TYT', 'Chi bộ Trạm Y tế', `${c}-TYT`);
    // Private enterprises with party cells (party building in the non-state sector).
    const enterprises = rng.int(0, ward ? 2 : 1);
    for (let i = 1; i <= enterprises; i++) {
      const name = `${rng.pick(PRIVATE_ENTERPRISE_KINDS)} ${rng.pick(PRIVATE_ENTERPRISE_WORDS)} ${place}`;
      const company = b.add(commune, {
        ...base, level: 'base', code: `${c}-DN${i}`, name, type: 'enterprise',
        staffing: staffing('enterprise', heads('Giám đốc', 'Phó Giám đốc', 1), rng.int(3, 8), rng.int(15, 60)),
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

function addFront(b: TreeBuilder, rng: Random, commune: PlannedUnit, c: string, kind: string, place: string, ward: boolean,
  base: { validFrom: string; level: 'commune'; adminArea: string }) {
  const front = b.add(commune, {
    ...base, code: `${c}-MTTQ`, name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${kind} ${place}`, type: 'mass_organisation',
    staffing: staffing('front', heads('Chủ tịch Ủy ban MTTQ', 'Phó Chủ tịch Ủy ban MTTQ', 2), rng.int(1, 3), 0),
  });
  const orgs: [string, string, ProfileName, string, string][] = [
    ['DTN', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'youth', 'Bí thư Đoàn', 'Phó Bí thư Đoàn'],
    ['PN', 'Hội Liên hiệp Phụ nữ', 'women', 'Chủ tịch Hội', 'Phó Chủ tịch Hội'],
    ['CCB', 'Hội Cựu chiến binh', 'veterans', 'Chủ tịch Hội', 'Phó Chủ tịch Hội'],
  ];
  if (!ward) orgs.push(['ND', 'Hội Nông dân', 'mass', 'Chủ tịch Hội', 'Phó Chủ tịch Hội']);
  for (const [suffix, name, profile, leader, deputy] of orgs) {
    b.add(front, {
      ...base, code: `${c}-${suffix}`, name: `${name} ${kind} ${place}`, type: 'mass_organisation',
      staffing: staffing(profile, heads(leader, deputy, 1), rng.int(0, 1), 0),
    });
  }
}

/** The affiliated party committees over the city's bodies, departments, units and enterprises. */
function addPartyCommittees(b: TreeBuilder, rng: Random, opts: PlanOptions) {
  const committee = (code: string, name: string) =>
    b.add(b.root, {
      code, name, type: 'affiliated_party_committee', validFrom: '2025-02-01', level: 'province',
      staffing: staffing('partyCommittee', heads('Bí thư Đảng ủy', 'Phó Bí thư Đảng ủy', rng.int(1, 2)), rng.int(4, 8), opts.small ? 0 : 1),
    });
  const hosted = (parent: PlannedUnit, code: string, name: string, host: PlannedUnit, type: 'base_party_committee' | 'base_party_cell' | 'party_cell') =>
    b.add(parent, {
      code, name, type, validFrom: host.valid_from > '2025-02-01' ? host.valid_from : '2025-02-01', level: 'base', hostCode: host.code,
      partyPosts: cellPosts(type === 'base_party_committee' ? 'Đảng ủy' : 'Chi bộ'),
    });
  const childrenOf = (unit: PlannedUnit) => b.units.filter((u) => u.parent_id === unit.id && u.staffing);

  const partyAgencies = b.units.filter((u) => u.depth === b.root.depth + 1 && (PARTY_BODIES.some((p) => p.code === u.code) || u.code === 'TCTTH' || u.code === 'BPTTH'));
  const dbcqd = committee('DBCQD', 'Đảng bộ các cơ quan Đảng Thành phố');
  for (const agency of partyAgencies) {
    const children = childrenOf(agency);
    if (children.length > 4) {
      const org = hosted(dbcqd, `DBCQD-${agency.code}`, `Đảng bộ ${agency.name}`, agency, 'base_party_committee');
      for (const child of children) hosted(org, `DBCQD-${child.code}`, `Chi bộ ${child.name}`, child, 'party_cell');
    } else {
      hosted(dbcqd, `DBCQD-${agency.code}`, `Chi bộ ${agency.name}`, agency, 'base_party_cell');
    }
  }

  const dbub = committee('DBUBND', 'Đảng bộ Ủy ban nhân dân Thành phố');
  for (const spec of DEPARTMENTS) {
    if (!b.has(spec.code)) continue;
    const dept = b.get(spec.code);
    const org = hosted(dbub, `DB-${spec.code}`, `Đảng bộ ${dept.name}`, dept, 'base_party_committee');
    for (const child of childrenOf(dept)) {
      const bigUnit = childrenOf(child).length > 0;
      if (bigUnit) {
        const sub = hosted(org, `DB-${child.code}`, `Đảng bộ ${child.name}`, child, 'base_party_committee');
        for (const ward of childrenOf(child)) hosted(sub, `DB-${ward.code}`, `Chi bộ ${ward.name}`, ward, 'party_cell');
      } else {
        hosted(org, `DB-${child.code}`, `Chi bộ ${child.name}`, child, child.type === 'state_agency' ? 'party_cell' : 'base_party_cell');
      }
    }
  }
  for (const [code] of opts.small ? [] : STATE_ENTERPRISES) {
    const company = b.get(code);
    const org = hosted(dbub, `DB-${code}`, `Đảng bộ ${company.name}`, company, 'base_party_committee');
    for (const division of childrenOf(company)) hosted(org, `DB-${division.code}`, `Chi bộ ${division.name}`, division, 'party_cell');
  }
  if (opts.small) return;
  const dbmt = committee('DBMTTQ', 'Đảng bộ Mặt trận Tổ quốc, các đoàn thể Thành phố');
  const front = b.get('MTTQ-TP');
  hosted(dbmt, 'DBMTTQ-CQ', 'Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc Thành phố', front, 'base_party_cell');
  for (const org of childrenOf(front)) hosted(dbmt, `DBMTTQ-${org.code}`, `Chi bộ ${org.name}`, org, 'base_party_cell');
}
