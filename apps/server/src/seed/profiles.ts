import type { Weighted } from './random';

export type StaffCategory =
  | 'cadre'
  | 'civil_servant'
  | 'public_employee'
  | 'contract_worker'
  | 'commune_nonprofessional';
export type TitleGroup = 'leader' | 'deputy' | 'specialist' | 'staff';

/** Salary scales (ngạch / chức danh nghề nghiệp) by kind of work, with their highest step. */
export const SALARY_SCALES = {
  seniorSpecialist: ['01.001', 6], // Chuyên viên cao cấp
  principalSpecialist: ['01.002', 8], // Chuyên viên chính
  specialist: ['01.003', 9], // Chuyên viên
  officer: ['01.004', 12], // Cán sự
  clerk: ['01.005', 12], // Nhân viên
  inspector: ['04.025', 9], // Thanh tra viên
  kindergarten: ['V.07.02.26', 10], // Giáo viên mầm non hạng III
  primary: ['V.07.03.29', 9], // Giáo viên tiểu học hạng III
  lowerSecondary: ['V.07.04.32', 9], // Giáo viên THCS hạng III
  upperSecondary: ['V.07.05.15', 9], // Giáo viên THPT hạng III
  lecturer: ['V.07.01.03', 9], // Giảng viên
  doctor: ['V.08.01.03', 9], // Bác sĩ
  nurse: ['V.08.05.12', 9], // Điều dưỡng hạng III
  publicEmployee: ['V.03.01.03', 9], // viên chức chuyên ngành (hạng III)
} as const satisfies Record<string, readonly [string, number]>;
export type SalaryScale = keyof typeof SALARY_SCALES;

export type Field =
  | 'admin'
  | 'party'
  | 'law'
  | 'finance'
  | 'engineering'
  | 'education'
  | 'health'
  | 'culture'
  | 'business'
  | 'agriculture';

/** How a kind of unit is staffed: titles, categories, women's share, salary scales, field of study. */
export interface Profile {
  specialistTitles: Weighted<string>;
  staffTitles: Weighted<string>;
  category: Record<TitleGroup, StaffCategory>;
  /** Share of contract workers among the 'staff' group. */
  contractShare: number;
  women: { specialist: number; staff: number };
  salary: { specialist: SalaryScale | null; staff: SalaryScale | null };
  field: Field;
  /** Political level of the work: the party-related attributes follow it. */
  level: 'city' | 'commune' | 'base';
  /** Ages of the leaders and deputies, when different from the defaults (youth union). */
  leaderAges?: [number, number];
}

const officeStaff: Weighted<string> = [
  ['Nhân viên', 3],
  ['Văn thư', 2],
  ['Kế toán', 1],
  ['Lái xe', 1],
];
const CIVIL: Profile['category'] = {
  leader: 'civil_servant',
  deputy: 'civil_servant',
  specialist: 'civil_servant',
  staff: 'civil_servant',
};
const CADRE: Profile['category'] = {
  leader: 'cadre',
  deputy: 'cadre',
  specialist: 'civil_servant',
  staff: 'civil_servant',
};
const PUBLIC: Profile['category'] = {
  leader: 'public_employee',
  deputy: 'public_employee',
  specialist: 'public_employee',
  staff: 'public_employee',
};
const CONTRACT: Profile['category'] = {
  leader: 'contract_worker',
  deputy: 'contract_worker',
  specialist: 'contract_worker',
  staff: 'contract_worker',
};

function office(
  field: Field,
  level: Profile['level'],
  specialistTitles: Weighted<string>,
  extra: Partial<Profile> = {},
): Profile {
  return {
    specialistTitles,
    staffTitles: officeStaff,
    category: CIVIL,
    contractShare: 0.4,
    women: { specialist: 0.5, staff: 0.55 },
    salary: { specialist: 'specialist', staff: 'clerk' },
    field,
    level,
    ...extra,
  };
}

const civilSpecialists: Weighted<string> = [
  ['Chuyên viên', 6],
  ['Chuyên viên chính', 2],
];

export const PROFILES = {
  partyBody: office('party', 'city', civilSpecialists, { category: CADRE }),
  inspection: office(
    'party',
    'city',
    [
      ['Kiểm tra viên', 5],
      ['Kiểm tra viên chính', 2],
    ],
    { category: CADRE },
  ),
  department: office('admin', 'city', civilSpecialists),
  inspectorate: office(
    'law',
    'city',
    [
      ['Thanh tra viên', 5],
      ['Thanh tra viên chính', 2],
    ],
    {
      salary: { specialist: 'inspector', staff: 'clerk' },
    },
  ),
  partyCommittee: office('party', 'city', civilSpecialists, { category: CADRE }),
  communeGov: office('admin', 'commune', [['Công chức', 1]], { category: CADRE }),
  communeParty: office('party', 'commune', civilSpecialists, { category: CADRE }),
  communeOffice: office('admin', 'commune', [
    ['Chuyên viên', 5],
    ['Công chức', 3],
  ]),
  front: office('admin', 'commune', [['Chuyên viên', 1]], { category: CADRE }),
  mass: office('admin', 'commune', [['Chuyên viên', 1]], {
    category: CADRE,
    women: { specialist: 0.55, staff: 0.6 },
  }),
  youth: office('admin', 'commune', [['Chuyên viên', 1]], { category: CADRE, leaderAges: [27, 35] }),
  women: office('admin', 'commune', [['Chuyên viên', 1]], {
    category: CADRE,
    women: { specialist: 1, staff: 1 },
  }),
  veterans: office('admin', 'commune', [['Chuyên viên', 1]], { category: CADRE, leaderAges: [45, 59] }),
  kindergarten: school('education', 'kindergarten', 0.97),
  primary: school('education', 'primary', 0.85),
  lowerSecondary: school('education', 'lowerSecondary', 0.72),
  upperSecondary: school('education', 'upperSecondary', 0.68),
  college: {
    ...school('education', 'lecturer', 0.55),
    specialistTitles: [
      ['Giảng viên', 5],
      ['Giảng viên chính', 2],
    ],
  } as Profile,
  healthStation: health([
    ['Bác sĩ', 2],
    ['Y sĩ', 2],
    ['Điều dưỡng', 3],
    ['Hộ sinh', 1],
    ['Dược sĩ', 1],
  ]),
  hospital: health([
    ['Bác sĩ', 4],
    ['Điều dưỡng', 6],
    ['Kỹ thuật viên', 2],
    ['Dược sĩ', 1],
    ['Hộ sinh', 1],
  ]),
  center: {
    specialistTitles: [
      ['Viên chức', 4],
      ['Chuyên viên', 3],
      ['Kỹ sư', 1],
    ],
    staffTitles: officeStaff,
    category: PUBLIC,
    contractShare: 0.5,
    women: { specialist: 0.5, staff: 0.5 },
    salary: { specialist: 'publicEmployee', staff: 'clerk' },
    field: 'culture',
    level: 'base',
  } as Profile,
  enterprise: {
    specialistTitles: [
      ['Kỹ sư', 4],
      ['Chuyên viên', 4],
      ['Kế toán viên', 1],
    ],
    staffTitles: [
      ['Công nhân', 6],
      ['Nhân viên', 3],
      ['Lái xe', 1],
    ],
    category: CONTRACT,
    contractShare: 1,
    women: { specialist: 0.4, staff: 0.35 },
    salary: { specialist: null, staff: null },
    field: 'business',
    level: 'base',
  } as Profile,
  residential: {
    specialistTitles: [],
    staffTitles: [],
    contractShare: 0,
    women: { specialist: 0.3, staff: 0.3 },
    category: {
      leader: 'commune_nonprofessional',
      deputy: 'commune_nonprofessional',
      specialist: 'commune_nonprofessional',
      staff: 'commune_nonprofessional',
    },
    salary: { specialist: null, staff: null },
    field: 'admin',
    level: 'commune',
    leaderAges: [40, 59],
  } as Profile,
} satisfies Record<string, Profile>;

export type ProfileName = keyof typeof PROFILES;

function school(field: Field, scale: SalaryScale, women: number): Profile {
  return {
    specialistTitles: [['Giáo viên', 1]],
    staffTitles: [
      ['Nhân viên', 3],
      ['Kế toán', 1],
      ['Bảo vệ', 1],
    ],
    category: PUBLIC,
    contractShare: 0.5,
    women: { specialist: women, staff: 0.7 },
    salary: { specialist: scale, staff: 'clerk' },
    field,
    level: 'base',
  };
}

function health(titles: Weighted<string>): Profile {
  return {
    specialistTitles: titles,
    staffTitles: [
      ['Hộ lý', 3],
      ['Nhân viên', 2],
      ['Kế toán', 1],
    ],
    category: PUBLIC,
    contractShare: 0.5,
    women: { specialist: 0.66, staff: 0.7 },
    salary: { specialist: 'nurse', staff: 'clerk' },
    field: 'health',
    level: 'base',
  };
}

/** Degrees by field of work; leaders draw from the upper end more often. */
export const QUALIFICATIONS: Record<Field, readonly string[]> = {
  admin: [
    'Cử nhân Luật',
    'Cử nhân Hành chính học',
    'Cử nhân Kinh tế',
    'Cử nhân Quản lý nhà nước',
    'Kỹ sư Xây dựng',
    'Cử nhân Kế toán',
    'Cử nhân Công nghệ thông tin',
  ],
  party: [
    'Cử nhân Xây dựng Đảng và Chính quyền nhà nước',
    'Cử nhân Luật',
    'Cử nhân Chính trị học',
    'Cử nhân Kinh tế',
    'Cử nhân Triết học',
  ],
  law: ['Cử nhân Luật', 'Cử nhân Luật kinh tế', 'Cử nhân Kinh tế'],
  finance: ['Cử nhân Tài chính - Ngân hàng', 'Cử nhân Kế toán', 'Cử nhân Kinh tế'],
  engineering: ['Kỹ sư Xây dựng', 'Kỹ sư Giao thông', 'Kỹ sư Môi trường', 'Kiến trúc sư'],
  education: [
    'Cử nhân Sư phạm Toán',
    'Cử nhân Sư phạm Ngữ văn',
    'Cử nhân Sư phạm Tiếng Anh',
    'Cử nhân Giáo dục Tiểu học',
    'Cử nhân Giáo dục Mầm non',
    'Cử nhân Sư phạm Vật lý',
    'Cử nhân Sư phạm Hóa học',
    'Cử nhân Sư phạm Lịch sử',
  ],
  health: [
    'Bác sĩ Đa khoa',
    'Cử nhân Điều dưỡng',
    'Dược sĩ Đại học',
    'Cử nhân Kỹ thuật Xét nghiệm',
    'Bác sĩ Y học cổ truyền',
  ],
  culture: [
    'Cử nhân Văn hóa học',
    'Cử nhân Quản lý văn hóa',
    'Cử nhân Thông tin - Thư viện',
    'Cử nhân Công nghệ thông tin',
  ],
  business: [
    'Kỹ sư Cơ khí',
    'Cử nhân Quản trị kinh doanh',
    'Cử nhân Kế toán',
    'Kỹ sư Điện',
    'Kỹ sư Cấp thoát nước',
  ],
  agriculture: ['Kỹ sư Nông nghiệp', 'Kỹ sư Lâm nghiệp', 'Cử nhân Quản lý đất đai', 'Kỹ sư Thủy lợi'],
};
