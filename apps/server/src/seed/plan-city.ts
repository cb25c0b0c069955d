import {
  COMMUNES,
  DEPARTMENTS,
  type DepartmentSpec,
  ENTERPRISE_DIVISIONS,
  PARTY_BODIES,
  STATE_ENTERPRISES,
  WARDS,
} from './catalog';
import { addCommune } from './plan-commune';
import { addPartyCommittees } from './plan-party';
import { addCityPublicUnits, addSchoolsAndHospitals } from './plan-public';
import type { ProfileName } from './profiles';
import type { Random } from './random';
import { heads, type PlanOptions, type RootRef, staffing, type TreeBuilder } from './tree';

/** Adds the whole organisation under the root: city bodies, party organisations, communes. */
export function planOrganisation(b: TreeBuilder, rng: Random, opts: PlanOptions): void {
  const root = b.root;
  const partyBodies = opts.small
    ? PARTY_BODIES.filter((p) => p.code === 'BTCTU' || p.code === 'UBKTTU')
    : PARTY_BODIES;
  for (const spec of partyBodies)
    addBody(b, rng, root, spec, opts, spec.code === 'UBKTTU' ? 'inspection' : 'partyBody');
  const departments = opts.small
    ? DEPARTMENTS.filter((d) => d.code === 'SNV' || d.code === 'STC')
    : DEPARTMENTS;
  for (const spec of departments)
    addBody(b, rng, root, spec, opts, spec.code === 'TTTP' ? 'inspectorate' : 'department');
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

/** A department or party body with its offices (and, in the city, its public service units). */
function addBody(
  b: TreeBuilder,
  rng: Random,
  root: RootRef,
  spec: DepartmentSpec,
  opts: PlanOptions,
  profile: ProfileName,
) {
  const [leader, deputy] = spec.head ?? ['Giám đốc', 'Phó Giám đốc'];
  const isParty = profile === 'partyBody' || profile === 'inspection';
  const body = b.add(root, {
    code: spec.code,
    name: spec.name,
    type: 'department',
    validFrom: spec.validFrom,
    level: 'province',
    staffing: staffing(
      profile,
      heads(leader, deputy, rng.int(2, 4)),
      isParty ? rng.int(2, 4) : 0,
      isParty ? 1 : 0,
    ),
  });
  const offices = opts.small
    ? spec.offices.filter(([suffix]) => suffix !== 'VP').slice(0, spec.code === 'SNV' ? 2 : 1)
    : spec.offices;
  if (opts.small && isParty) return;
  for (const [suffix, name] of offices) {
    const vp = suffix === 'VP' && name.startsWith('Văn phòng');
    b.add(body, {
      code: `${spec.code}-${suffix}`,
      name,
      type: 'state_agency',
      validFrom: spec.validFrom,
      staffing: staffing(
        profile,
        vp
          ? heads('Chánh Văn phòng', 'Phó Chánh Văn phòng', rng.int(1, 2))
          : heads('Trưởng phòng', 'Phó Trưởng phòng', rng.int(1, 2)),
        rng.int(5, 14),
        rng.int(0, 3),
      ),
    });
  }
  if (opts.small) return;
  for (const [suffix, name, type] of spec.units ?? []) {
    const [l, d] = unitHeads(name);
    b.add(body, {
      code: `${spec.code}-${suffix}`,
      name,
      type,
      validFrom: spec.validFrom,
      staffing: staffing(
        type === 'state_agency' ? 'department' : 'center',
        heads(l, d, rng.int(1, 3)),
        rng.int(12, 45),
        rng.int(2, 6),
      ),
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

function addMassOrganisations(b: TreeBuilder, rng: Random, root: RootRef) {
  const front = b.add(root, {
    code: 'MTTQ-TP',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hà Nội',
    type: 'mass_organisation',
    validFrom: '2025-07-01',
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
      code: `MTTQ-${code}`,
      name,
      type: 'mass_organisation',
      validFrom: '2025-07-01',
      staffing: staffing(profile, heads(leader, deputy, rng.int(2, 3)), 0, 0),
    });
    for (const [suffix, bname] of [
      ['VP', 'Văn phòng'],
      ['TC', 'Ban Tổ chức - Kiểm tra'],
      ['TG', 'Ban Tuyên giáo'],
    ] as const) {
      b.add(org, {
        code: `MTTQ-${code}-${suffix}`,
        name: `${bname} ${name.replace(' Thành phố Hà Nội', '')}`,
        type: 'other',
        validFrom: '2025-07-01',
        staffing: staffing(
          profile,
          suffix === 'VP'
            ? heads('Chánh Văn phòng', 'Phó Chánh Văn phòng', 1)
            : heads('Trưởng ban', 'Phó Trưởng ban', 1),
          rng.int(3, 7),
          suffix === 'VP' ? rng.int(1, 3) : 0,
        ),
      });
    }
  }
}

function addStateEnterprise(b: TreeBuilder, rng: Random, root: RootRef, code: string, name: string) {
  const group = name.startsWith('Tổng công ty');
  const company = b.add(root, {
    code,
    name,
    type: 'enterprise',
    validFrom: '2010-07-01',
    level: 'base',
    staffing: staffing(
      'enterprise',
      heads(
        group ? 'Tổng Giám đốc' : 'Giám đốc',
        group ? 'Phó Tổng Giám đốc' : 'Phó Giám đốc',
        rng.int(2, 4),
      ),
      rng.int(4, 10),
      rng.int(2, 5),
    ),
  });
  rng.sample(ENTERPRISE_DIVISIONS, rng.int(4, 8)).forEach((division, i) => {
    const works = !division.startsWith('Phòng');
    b.add(company, {
      code: `${code}-D${i + 1}`,
      name: division,
      type: 'other',
      validFrom: '2010-07-01',
      staffing: staffing(
        'enterprise',
        works
          ? heads('Giám đốc', 'Phó Giám đốc', rng.int(1, 2))
          : heads('Trưởng phòng', 'Phó Trưởng phòng', 1),
        rng.int(4, 15),
        works ? rng.int(30, 120) : rng.int(0, 4),
      ),
    });
  });
}
