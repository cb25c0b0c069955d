import { DEPARTMENTS, PARTY_BODIES, STATE_ENTERPRISES } from './catalog';
import type { Random } from './random';
import { cellPosts, heads, type PlannedUnit, type PlanOptions, staffing, type TreeBuilder } from './tree';

/** The affiliated party committees over the city's bodies, departments, units and enterprises. */
export function addPartyCommittees(b: TreeBuilder, rng: Random, opts: PlanOptions) {
  const committee = (code: string, name: string) =>
    b.add(b.root, {
      code,
      name,
      type: 'affiliated_party_committee',
      validFrom: '2025-02-01',
      level: 'province',
      staffing: staffing(
        'partyCommittee',
        heads('Bí thư Đảng ủy', 'Phó Bí thư Đảng ủy', rng.int(1, 2)),
        rng.int(4, 8),
        opts.small ? 0 : 1,
      ),
    });
  const hosted = (
    parent: PlannedUnit,
    code: string,
    name: string,
    host: PlannedUnit,
    type: 'base_party_committee' | 'base_party_cell' | 'party_cell',
  ) =>
    b.add(parent, {
      code,
      name,
      type,
      validFrom: host.valid_from > '2025-02-01' ? host.valid_from : '2025-02-01',
      level: 'base',
      hostCode: host.code,
      partyPosts: cellPosts(type === 'base_party_committee' ? 'Đảng ủy' : 'Chi bộ'),
    });
  const childrenOf = (unit: PlannedUnit) => b.units.filter((u) => u.parent_id === unit.id && u.staffing);

  const partyAgencies = b.units.filter(
    (u) =>
      u.depth === b.root.depth + 1 &&
      (PARTY_BODIES.some((p) => p.code === u.code) || u.code === 'TCTTH' || u.code === 'BPTTH'),
  );
  const dbcqd = committee('DBCQD', 'Đảng bộ các cơ quan Đảng Thành phố');
  for (const agency of partyAgencies) {
    const children = childrenOf(agency);
    if (children.length > 4) {
      const org = hosted(
        dbcqd,
        `DBCQD-${agency.code}`,
        `Đảng bộ ${agency.name}`,
        agency,
        'base_party_committee',
      );
      for (const child of children)
        hosted(org, `DBCQD-${child.code}`, `Chi bộ ${child.name}`, child, 'party_cell');
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
        for (const ward of childrenOf(child))
          hosted(sub, `DB-${ward.code}`, `Chi bộ ${ward.name}`, ward, 'party_cell');
      } else {
        hosted(
          org,
          `DB-${child.code}`,
          `Chi bộ ${child.name}`,
          child,
          child.type === 'state_agency' ? 'party_cell' : 'base_party_cell',
        );
      }
    }
  }
  for (const [code] of opts.small ? [] : STATE_ENTERPRISES) {
    const company = b.get(code);
    const org = hosted(dbub, `DB-${code}`, `Đảng bộ ${company.name}`, company, 'base_party_committee');
    for (const division of childrenOf(company))
      hosted(org, `DB-${division.code}`, `Chi bộ ${division.name}`, division, 'party_cell');
  }
  if (opts.small) return;
  const dbmt = committee('DBMTTQ', 'Đảng bộ Mặt trận Tổ quốc, các đoàn thể Thành phố');
  const front = b.get('MTTQ-TP');
  hosted(dbmt, 'DBMTTQ-CQ', 'Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc Thành phố', front, 'base_party_cell');
  for (const org of childrenOf(front))
    hosted(dbmt, `DBMTTQ-${org.code}`, `Chi bộ ${org.name}`, org, 'base_party_cell');
}
