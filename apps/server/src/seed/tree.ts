import { searchKey, type UNIT_LEVELS, type UnitType, vnSortKey } from '@canbo/domain';
import type { ProfileName, TitleGroup } from './profiles';
import type { SeedIds } from './random';

export type { UnitType };
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** A unit as written to org_unit (and to its one open org_unit_version). */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  type: UnitType;
  parent_id: string;
  path: string;
  depth: number;
  level: UnitLevel;
  admin_area: string;
  is_party_org: boolean;
  valid_from: string;
  search_key: string;
  sort_key: string;
}

export type HeadPost = readonly [title: string, group: Extract<TitleGroup, 'leader' | 'deputy'>];

/** Who works in a unit: fixed leadership posts, then specialists and support staff. */
export interface Staffing {
  profile: ProfileName;
  heads: HeadPost[];
  specialists: number;
  staff: number;
}

/** A concurrent post in a party organisation, held by someone working in the host unit. */
export interface PartyPost {
  title: string;
  group: Extract<TitleGroup, 'leader' | 'deputy'>;
  /** Whom of the host's people: its first leader, its first deputy, or any party member. */
  from: 'leader' | 'deputy' | 'member';
}

export interface PlannedUnit extends UnitRecord {
  staffing: Staffing | null;
  /** In a commune where ethnic minorities live. */
  minority: boolean;
  /** A party organisation whose posts are held concurrently by people of another unit. */
  hostCode: string | null;
  partyPosts: PartyPost[];
}

export interface RootRef {
  id: string;
  path: string;
  depth: number;
}

export interface UnitFields {
  code: string;
  name: string;
  type: UnitType;
  validFrom: string;
  level?: UnitLevel;
  adminArea?: string;
  isPartyOrg?: boolean;
  shortName?: string | null;
  staffing?: Staffing | null;
  minority?: boolean;
  hostCode?: string | null;
  partyPosts?: PartyPost[];
}

const PARTY_TYPES = new Set<UnitType>([
  'city_party_committee',
  'affiliated_party_committee',
  'base_party_committee',
  'base_party_cell',
  'party_cell',
]);

/** Builds the tree in order: ids, materialised paths and depths follow from the parents. */
export class TreeBuilder {
  readonly units: PlannedUnit[] = [];
  private readonly byCode = new Map<string, PlannedUnit>();
  private readonly byId = new Map<string, PlannedUnit>();

  constructor(
    private readonly ids: SeedIds,
    readonly root: RootRef,
  ) {}

  add(parent: RootRef, fields: UnitFields): PlannedUnit {
    if (this.byCode.has(fields.code)) throw new Error(`duplicate demo unit code ${fields.code}`);
    const id = this.ids.next();
    const inherited = this.byId.get(parent.id);
    const name = fields.name.normalize('NFC');
    const unit: PlannedUnit = {
      id,
      code: fields.code,
      name,
      short_name: fields.shortName ?? null,
      type: fields.type,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      level: fields.level ?? inherited?.level ?? 'province',
      admin_area: fields.adminArea ?? inherited?.admin_area ?? 'Thành phố Hà Nội',
      is_party_org: fields.isPartyOrg ?? PARTY_TYPES.has(fields.type),
      valid_from: fields.validFrom,
      search_key: searchKey(name),
      sort_key: vnSortKey(name),
      staffing: fields.staffing ?? null,
      minority: fields.minority ?? inherited?.minority ?? false,
      hostCode: fields.hostCode ?? null,
      partyPosts: fields.partyPosts ?? [],
    };
    this.units.push(unit);
    this.byCode.set(unit.code, unit);
    this.byId.set(unit.id, unit);
    return unit;
  }

  get(code: string): PlannedUnit {
    const unit = this.byCode.get(code);
    if (!unit) throw new Error(`unknown demo unit ${code}`);
    return unit;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }
}

/** Leadership posts: one head and n deputies. */
export function heads(leader: string, deputy: string, deputies: number): HeadPost[] {
  return [[leader, 'leader'], ...Array.from({ length: deputies }, () => [deputy, 'deputy'] as HeadPost)];
}

/** The usual posts of a party organisation held by people of its host unit. */
export function cellPosts(kind: 'Chi bộ' | 'Đảng ủy'): PartyPost[] {
  return [
    { title: `Bí thư ${kind}`, group: 'leader', from: 'leader' },
    { title: `Phó Bí thư ${kind}`, group: 'deputy', from: 'member' },
  ];
}

/** Staffing of a unit: its leadership posts, then how many specialists and support staff. */
export function staffing(
  profile: ProfileName,
  posts: HeadPost[],
  specialists: number,
  staff: number,
): Staffing {
  return { profile, heads: posts, specialists, staff };
}

/** The size of the demo: `small` keeps first start fast, `city` is a whole city's cadre base. */
export interface PlanOptions {
  small: boolean;
}

/** The day the 2025 reform's communes and wards began. */
export const REFORM_DATE = '2025-07-01';
/** Units older than the data: they began when Hà Tây joined the capital. */
export const OLD_UNIT_DATE = '2008-08-01';
