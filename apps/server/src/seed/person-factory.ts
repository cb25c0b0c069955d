import { personSortKey, searchKey, stripDiacritics } from '@canbo/domain';
import { OLD_DISTRICTS } from './catalog';
import { CccdIssuer } from './cccd';
import {
  addMonths,
  addYears,
  birthDateForAge,
  DEMO_AS_OF,
  dateOf,
  dayBetween,
  dayOf,
  yearsBetween,
} from './dates';
import { drawName, type Sex } from './names';
import {
  BIRTH,
  GENERAL_ETHNICITY,
  IT,
  LANGUAGE,
  MEMBER_THEORY,
  MINORITY_ETHNICITY,
  PARTY_SHARE,
  PHONE_PREFIXES,
  RELIGION,
  THEORY,
  type Theory,
} from './person-tables';
import {
  type Profile,
  QUALIFICATIONS,
  SALARY_SCALES,
  type SalaryScale,
  type StaffCategory,
  type TitleGroup,
} from './profiles';
import { Random, type SeedIds } from './random';

/** A person as written to the person table (tenant_id is added by the writer). */
export interface PersonRecord {
  id: string;
  code: string;
  unit_id: string;
  full_name: string;
  sex: Sex;
  birth_date: string;
  birth_place: string;
  hometown: string;
  ethnicity: string;
  religion: string;
  cccd: string;
  phone: string;
  email: string | null;
  education_level: string;
  professional_qualification: string;
  political_theory: Theory;
  state_management: string | null;
  foreign_language: string | null;
  it_level: string | null;
  staff_category: StaffCategory;
  salary_scale: string | null;
  salary_step: number | null;
  salary_date: string | null;
  party_status: 'none' | 'probationary' | 'full';
  party_admitted_date: string | null;
  party_full_date: string | null;
  party_card_number: string | null;
  search_key: string;
  sort_key: string;
}

export interface PersonRequest {
  unitId: string;
  profile: Profile;
  group: TitleGroup;
  minorityArea: boolean;
  /** Demo accounts' people have fixed names. */
  pinned?: { fullName: string; sex: Sex };
}

/** Makes people one at a time; every choice comes from the seeded generator. */
export class PersonFactory {
  private readonly rng: Random;
  private readonly cccd: CccdIssuer;
  private count = 0;
  private cards = 0;
  private readonly asOfDay = dayOf(DEMO_AS_OF);
  private readonly keyCache = new Map<string, [string, string]>();

  constructor(
    seed: number,
    private readonly ids: SeedIds,
  ) {
    this.rng = Random.stream(seed, 'people');
    this.cccd = new CccdIssuer(Random.stream(seed, 'cccd'));
  }

  get random(): Random {
    return this.rng;
  }

  make(req: PersonRequest): PersonRecord {
    const { rng } = this;
    const { profile, group } = req;
    const lead = group === 'leader' || group === 'deputy';
    const sex: Sex = req.pinned?.sex ?? (rng.chance(this.womenShare(req)) ? 'female' : 'male');
    const age = this.age(req);
    const birth = birthDateForAge(rng, age, DEMO_AS_OF);
    const ethnicity = (req.minorityArea ? MINORITY_ETHNICITY : GENERAL_ETHNICITY).draw(rng.float());
    const fullName = (req.pinned?.fullName ?? drawName(rng, sex, ethnicity)).normalize('NFC');
    const province = ethnicity !== 'Kinh' && ethnicity !== 'Hoa' ? 'Hà Nội' : BIRTH.draw(rng.float());
    const birthPlace = this.place(province);
    const hometown = rng.chance(0.6) ? birthPlace : this.place(BIRTH.draw(rng.float()));
    const category =
      group === 'staff' && rng.chance(profile.contractShare) ? 'contract_worker' : profile.category[group];
    const person: PersonRecord = {
      id: this.ids.next(),
      code: `CB${String(++this.count).padStart(6, '0')}`,
      unit_id: req.unitId,
      full_name: fullName,
      sex,
      birth_date: birth,
      birth_place: birthPlace,
      hometown,
      ethnicity,
      religion: RELIGION.draw(rng.float()),
      cccd: this.cccd.issue(province, birth, sex),
      phone: rng.pick(PHONE_PREFIXES) + rng.digits(7),
      email: this.email(fullName, category, lead),
      education_level: Number(birth.slice(0, 4)) < 1976 && rng.chance(0.3) ? '10/10' : '12/12',
      professional_qualification: this.qualification(profile, group),
      political_theory: 'none',
      state_management: null,
      foreign_language: LANGUAGE.draw(rng.float()),
      it_level: IT.draw(rng.float()),
      staff_category: category,
      salary_scale: null,
      salary_step: null,
      salary_date: null,
      party_status: 'none',
      party_admitted_date: null,
      party_full_date: null,
      party_card_number: null,
      search_key: '',
      sort_key: '',
    };
    this.keys(person);
    if (rng.chance(PARTY_SHARE[group][category])) this.admitToParty(person, lead);
    person.political_theory = this.theory(profile, group, person.party_status !== 'none');
    person.state_management = this.stateManagement(profile, group, category);
    this.salary(person, profile, group, age);
    return person;
  }

  /** Makes the person a party member (cell secretaries must be), with plausible dates. */
  admitToParty(person: PersonRecord, lead = true): void {
    if (person.party_status !== 'none') return;
    const { rng } = this;
    const age = yearsBetween(person.birth_date, DEMO_AS_OF);
    const from = dayOf(addYears(person.birth_date, 18)) + 1;
    // Leaders joined young enough to be full members now; others up to their mid-forties.
    const latestAge = lead ? Math.max(19, Math.min(age - 3, 36)) : Math.min(age, 45);
    const to = Math.min(this.asOfDay - 30, dayOf(addYears(person.birth_date, latestAge)));
    const admitted = dateOf(dayBetween(rng, from, Math.max(from, to)));
    const full = addMonths(admitted, 12);
    person.party_admitted_date = admitted;
    if (full <= DEMO_AS_OF) {
      person.party_status = 'full';
      person.party_full_date = full;
      person.party_card_number = `01${String(++this.cards).padStart(6, '0')}`;
    } else {
      person.party_status = 'probationary';
    }
    if (person.political_theory === 'none') person.political_theory = 'elementary';
  }

  /** Search and sort keys; names repeat a lot, so each distinct name is keyed once. */
  private keys(person: PersonRecord): void {
    let keys = this.keyCache.get(person.full_name);
    if (!keys) {
      keys = [searchKey(person.full_name), personSortKey(person.full_name)];
      this.keyCache.set(person.full_name, keys);
    }
    [person.search_key, person.sort_key] = keys;
  }

  private womenShare(req: PersonRequest): number {
    if (req.group === 'leader') return req.profile.women.specialist >= 0.99 ? 1 : 0.3;
    if (req.group === 'deputy') return req.profile.women.specialist >= 0.99 ? 1 : 0.33;
    return req.profile.women[req.group];
  }

  private age(req: PersonRequest): number {
    const { rng } = this;
    const range = req.profile.leaderAges;
    if (range && (req.group === 'leader' || req.group === 'deputy')) return rng.int(range[0], range[1]);
    switch (req.group) {
      case 'leader':
        return triangular(rng, 38, 59, 52);
      case 'deputy':
        return triangular(rng, 32, 59, 47);
      case 'specialist':
        return triangular(rng, 22, 59, 36);
      default:
        return triangular(rng, 22, 58, 35);
    }
  }

  private place(province: string): string {
    return province === 'Hà Nội' ? `${this.rng.pick(OLD_DISTRICTS)}, Hà Nội` : province;
  }

  private email(fullName: string, category: StaffCategory, lead: boolean): string | null {
    const { rng } = this;
    const words = stripDiacritics(fullName).toLowerCase().split(' ');
    const local =
      words.at(-1)! +
      words
        .slice(0, -1)
        .map((w) => w[0])
        .join('');
    if (category === 'civil_servant' || category === 'cadre' || lead)
      return rng.chance(0.85) ? `${local}@hanoi.gov.vn` : null;
    return rng.chance(0.4) ? `${local}${rng.int(1, 99)}@gmail.com` : null;
  }

  private qualification(profile: Profile, group: TitleGroup): string {
    const { rng } = this;
    if (group === 'staff') {
      if (profile.field === 'business')
        return rng.pick(['Công nhân kỹ thuật', 'Trung cấp Cơ khí', 'Cao đẳng Điện']);
      return rng.pick([
        'Trung cấp Văn thư - Lưu trữ',
        'Cao đẳng Kế toán',
        'Trung cấp Hành chính',
        'Cử nhân Quản trị văn phòng',
      ]);
    }
    const degree = rng.pick(QUALIFICATIONS[profile.field]);
    const master = group === 'leader' ? 0.55 : group === 'deputy' ? 0.4 : 0.15;
    if (!rng.chance(master)) return degree;
    if (profile.field === 'health' && degree.startsWith('Bác sĩ'))
      return rng.chance(0.6) ? 'Bác sĩ chuyên khoa I' : 'Bác sĩ chuyên khoa II';
    const subject =
      degree.replace(/^(Cử nhân|Kỹ sư|Kiến trúc sư|Dược sĩ|Bác sĩ)( Sư phạm| Đại học)? ?/, '') ||
      'Quản lý công';
    return `${group === 'leader' && rng.chance(0.12) ? 'Tiến sĩ' : 'Thạc sĩ'} ${subject}`;
  }

  private theory(profile: Profile, group: TitleGroup, member: boolean): Theory {
    if (group === 'leader' || group === 'deputy') return THEORY[group][profile.level].draw(this.rng.float());
    if (group === 'specialist' && member) return MEMBER_THEORY.draw(this.rng.float());
    if (member) return this.rng.chance(0.9) ? 'elementary' : 'intermediate';
    return this.rng.chance(group === 'specialist' ? 0.2 : 0.05) ? 'elementary' : 'none';
  }

  private stateManagement(profile: Profile, group: TitleGroup, category: StaffCategory): string | null {
    const { rng } = this;
    if (category === 'contract_worker' || category === 'commune_nonprofessional') return null;
    if (group === 'leader')
      return profile.level === 'city' && rng.chance(0.6) ? 'Chuyên viên cao cấp' : 'Chuyên viên chính';
    if (group === 'deputy') return rng.chance(0.7) ? 'Chuyên viên chính' : 'Chuyên viên';
    if (group === 'specialist')
      return rng.chance(category === 'public_employee' ? 0.15 : 0.6) ? 'Chuyên viên' : null;
    return null;
  }

  private salary(person: PersonRecord, profile: Profile, group: TitleGroup, age: number): void {
    const { rng } = this;
    if (person.staff_category === 'contract_worker' || person.staff_category === 'commune_nonprofessional')
      return;
    let scale: SalaryScale | null;
    if (group === 'leader')
      scale = profile.level === 'city' && rng.chance(0.4) ? 'seniorSpecialist' : 'principalSpecialist';
    else if (group === 'deputy') scale = rng.chance(0.5) ? 'principalSpecialist' : profile.salary.specialist;
    else if (group === 'specialist')
      scale =
        age >= 40 && rng.chance(0.3) && profile.salary.specialist === 'specialist'
          ? 'principalSpecialist'
          : profile.salary.specialist;
    else scale = rng.chance(0.3) ? 'officer' : profile.salary.staff;
    if (!scale) return;
    const [code, maxStep] = SALARY_SCALES[scale];
    const startAge = scale === 'seniorSpecialist' ? 48 : scale === 'principalSpecialist' ? 36 : 23;
    person.salary_scale = code;
    person.salary_step = Math.min(maxStep, Math.max(1, 1 + Math.floor((age - startAge) / 3)));
    const earliest = Math.max(this.asOfDay - 3 * 365, dayOf(addYears(person.birth_date, 22)));
    person.salary_date = dateOf(dayBetween(rng, earliest, this.asOfDay - 1));
  }
}

/** An integer from a triangular distribution on [min, max] with its mode at `mode`. */
function triangular(rng: Random, min: number, max: number, mode: number): number {
  const u = rng.float();
  const c = (mode - min) / (max - min);
  const x =
    u < c
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return Math.min(max, Math.max(min, Math.floor(x + 0.5)));
}
