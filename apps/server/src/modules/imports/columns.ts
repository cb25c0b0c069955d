import {
  type EnumOption,
  PARTY_STATUS_OPTIONS,
  PERSON_STATUS_OPTIONS,
  POLITICAL_THEORY_OPTIONS,
  SEX_OPTIONS,
  STAFF_CATEGORY_OPTIONS,
  UNIT_LEVEL_OPTIONS,
  UNIT_TYPE_OPTIONS,
  YES_NO_OPTIONS,
} from './labels';

/**
 * The columns of the two import templates. A column is found in a file by its header, compared
 * without diacritics, case, spaces, "*" or a bracketed hint such as "(dd/mm/yyyy)"; aliases are
 * other headers people use for the same thing. See docs/IMPORT.md.
 */

export type ImportKind = 'units' | 'people';

export type ColumnType =
  | 'text'
  | 'date'
  | 'cccd'
  | 'enum'
  | 'bool'
  | 'int'
  | 'personCode'
  | 'unitCode'
  | 'email'
  | 'phone'
  | 'cardNumber';

export interface ColumnSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
  type: ColumnType;
  /** 'always': every row; 'new': rows that create a record; false: optional. Required columns must be in the file. */
  required: 'always' | 'new' | false;
  max?: number;
  min?: number;
  options?: readonly EnumOption[];
  width: number;
  /** What to write, for the instructions sheet and the header's comment. */
  help: string;
  example: string;
}

const text = (
  key: string,
  header: string,
  max: number,
  help: string,
  example: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  key,
  header,
  type: 'text',
  required: false,
  max,
  width: Math.min(40, Math.max(14, header.length + 2)),
  help,
  example,
  ...extra,
});

const date = (
  key: string,
  header: string,
  help: string,
  example: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  key,
  header,
  type: 'date',
  required: false,
  width: 16,
  help: `${help} Dạng dd/mm/yyyy (ví dụ 05/03/1980) hoặc ô kiểu ngày của Excel.`,
  example,
  ...extra,
});

const choice = (
  key: string,
  header: string,
  options: readonly EnumOption[],
  help: string,
  example: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  key,
  header,
  type: 'enum',
  required: false,
  options,
  width: Math.max(16, ...options.map((o) => Math.min(40, o.label.length + 2))),
  help: `${help} Chọn một trong: ${options.map((o) => o.label).join('; ')}.`,
  example,
  ...extra,
});

export const PEOPLE_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'code',
    header: 'Mã cán bộ',
    aliases: ['Số hiệu cán bộ', 'Số hiệu cán bộ, công chức', 'Mã CB'],
    type: 'personCode',
    required: false,
    width: 14,
    help: 'Số hiệu cán bộ (chữ, số, . _ / -). Để trống thì hệ thống tự cấp cho hồ sơ mới. Dùng để tìm hồ sơ đã có khi không có số CCCD.',
    example: 'CB000123',
  },
  text('fullName', 'Họ và tên', 150, 'Họ, chữ đệm và tên khai sinh.', 'Nguyễn Văn An', {
    required: 'always',
    aliases: ['Họ tên', 'Họ và tên khai sinh'],
    width: 26,
  }),
  text('otherName', 'Tên gọi khác', 150, 'Bí danh, tên thường gọi (nếu có).', ''),
  choice('sex', 'Giới tính', SEX_OPTIONS, 'Giới tính.', 'Nam', {
    required: 'always',
    aliases: ['Nam, nữ', 'Nam/Nữ'],
    width: 10,
  }),
  date('birthDate', 'Ngày sinh (dd/mm/yyyy)', 'Ngày sinh.', '05/03/1980', {
    required: 'always',
    aliases: ['Ngày sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày'],
    width: 14,
  }),
  {
    key: 'cccd',
    header: 'Số CCCD',
    aliases: ['CCCD', 'Số căn cước', 'Số căn cước công dân', 'Số định danh cá nhân', 'Số CCCD/CMND'],
    type: 'cccd',
    required: false,
    width: 16,
    help: '12 chữ số; nên định dạng ô là Văn bản để giữ số 0 ở đầu (ô kiểu số cũng được chấp nhận). Dùng để tìm hồ sơ đã có.',
    example: '001080012345',
  },
  text('ethnicity', 'Dân tộc', 50, 'Để trống với hồ sơ mới thì ghi là Kinh.', 'Kinh', { width: 10 }),
  text('religion', 'Tôn giáo', 100, 'Để trống nếu không có.', ''),
  text('birthPlace', 'Nơi sinh', 300, 'Xã/phường, tỉnh/thành phố.', 'Phường Ba Đình, Hà Nội', { width: 24 }),
  text('hometown', 'Quê quán', 300, 'Xã/phường, tỉnh/thành phố.', 'Xã Đông Anh, Hà Nội', { width: 24 }),
  {
    key: 'phone',
    header: 'Điện thoại',
    aliases: ['Số điện thoại'],
    type: 'phone',
    required: false,
    width: 14,
    help: 'Ví dụ 0912345678.',
    example: '0912345678',
  },
  {
    key: 'email',
    header: 'Email',
    aliases: ['Thư điện tử', 'Địa chỉ email'],
    type: 'email',
    required: false,
    width: 24,
    help: 'Địa chỉ thư điện tử.',
    example: 'nvan@hanoi.gov.vn',
  },
  {
    key: 'unitCode',
    header: 'Đơn vị (mã)',
    aliases: ['Mã đơn vị', 'Đơn vị', 'Đơn vị công tác (mã)', 'Mã đơn vị công tác'],
    type: 'unitCode',
    required: 'always',
    width: 14,
    help: 'Mã của đơn vị quản lý hồ sơ (và nơi giữ chức vụ chính); đơn vị phải có sẵn và thuộc phạm vi của bạn.',
    example: 'PBD',
  },
  choice(
    'staffCategory',
    'Đối tượng',
    STAFF_CATEGORY_OPTIONS,
    'Cán bộ, công chức, viên chức…; bắt buộc với hồ sơ mới.',
    'Công chức',
    {
      required: 'new',
      aliases: ['Loại cán bộ', 'Đối tượng cán bộ'],
    },
  ),
  text(
    'title',
    'Chức vụ',
    200,
    'Chức vụ, chức danh chính tại đơn vị trên, như trong quyết định.',
    'Phó Chủ tịch UBND phường',
    {
      aliases: ['Chức vụ, chức danh', 'Chức danh', 'Chức vụ chính'],
      width: 28,
    },
  ),
  {
    key: 'isLeader',
    header: 'Lãnh đạo, quản lý',
    aliases: ['Lãnh đạo', 'Là lãnh đạo'],
    type: 'bool',
    required: false,
    options: YES_NO_OPTIONS,
    width: 12,
    help: 'Có nếu chức vụ trên là chức vụ lãnh đạo, quản lý; để trống là Không.',
    example: 'Có',
  },
  date(
    'startDate',
    'Ngày bổ nhiệm',
    'Ngày bắt đầu giữ chức vụ trên; bắt buộc khi có chức vụ.',
    '01/08/2025',
    { aliases: ['Ngày bổ nhiệm (dd/mm/yyyy)', 'Từ ngày'] },
  ),
  text('decisionNumber', 'Số quyết định', 50, 'Số quyết định bổ nhiệm (nếu có).', '125/QĐ-UBND', {
    aliases: ['Số quyết định bổ nhiệm'],
  }),
  text('concurrentTitle', 'Kiêm nhiệm', 200, 'Một chức vụ kiêm nhiệm (nếu có).', 'Bí thư Chi bộ', {
    aliases: ['Chức vụ kiêm nhiệm'],
    width: 24,
  }),
  {
    key: 'concurrentUnitCode',
    header: 'Đơn vị kiêm nhiệm (mã)',
    aliases: ['Mã đơn vị kiêm nhiệm'],
    type: 'unitCode',
    required: false,
    width: 14,
    help: 'Mã đơn vị của chức vụ kiêm nhiệm; để trống là cùng đơn vị trên.',
    example: '',
  },
  date(
    'concurrentStartDate',
    'Ngày bổ nhiệm kiêm nhiệm',
    'Ngày bắt đầu kiêm nhiệm; để trống là bằng ngày bổ nhiệm chức vụ chính.',
    '',
  ),
  text('educationLevel', 'Giáo dục phổ thông', 100, 'Ví dụ 12/12.', '12/12', {
    aliases: ['Trình độ giáo dục phổ thông', 'Trình độ học vấn'],
  }),
  text(
    'professionalQualification',
    'Trình độ chuyên môn',
    300,
    'Học hàm, học vị, chuyên ngành.',
    'Cử nhân Luật',
    { width: 24 },
  ),
  choice(
    'politicalTheory',
    'Lý luận chính trị',
    POLITICAL_THEORY_OPTIONS,
    'Trình độ lý luận chính trị.',
    'Trung cấp',
    { aliases: ['Trình độ lý luận chính trị'] },
  ),
  text('stateManagement', 'Quản lý nhà nước', 100, 'Ví dụ Chuyên viên chính.', 'Chuyên viên', {
    aliases: ['Trình độ quản lý nhà nước'],
  }),
  text('foreignLanguage', 'Ngoại ngữ', 100, 'Ví dụ Tiếng Anh B1.', 'Tiếng Anh B1'),
  text('itLevel', 'Tin học', 100, 'Ví dụ Ứng dụng CNTT cơ bản.', 'Cơ bản'),
  text('salaryScale', 'Mã ngạch', 20, 'Mã ngạch công chức, viên chức.', '01.003', {
    aliases: ['Ngạch', 'Mã ngạch lương'],
  }),
  {
    key: 'salaryStep',
    header: 'Bậc lương',
    type: 'int',
    min: 1,
    max: 20,
    required: false,
    width: 10,
    help: 'Số từ 1 đến 20.',
    example: '3',
  },
  date('salaryDate', 'Ngày hưởng bậc lương', 'Ngày được hưởng bậc lương hiện tại.', '01/01/2024', {
    aliases: ['Ngày hưởng'],
  }),
  choice(
    'partyStatus',
    'Đảng viên: trạng thái',
    PARTY_STATUS_OPTIONS,
    'Để trống với hồ sơ đã có thì giữ nguyên dữ liệu đảng viên.',
    'Chính thức',
    {
      aliases: ['Trạng thái đảng viên', 'Đảng viên', 'Đảng viên trạng thái'],
    },
  ),
  date('partyAdmittedDate', 'Ngày vào Đảng', 'Bắt buộc với đảng viên.', '03/02/2010', {
    aliases: ['Ngày kết nạp', 'Ngày vào Đảng Cộng sản Việt Nam', 'Đảng viên: ngày vào Đảng'],
  }),
  date('partyFullDate', 'Ngày chính thức', 'Bắt buộc với đảng viên chính thức.', '03/02/2011', {
    aliases: ['Ngày công nhận chính thức', 'Đảng viên: ngày chính thức'],
  }),
  {
    key: 'partyCardNumber',
    header: 'Số thẻ đảng viên',
    aliases: ['Số thẻ', 'Đảng viên: số thẻ', 'Đảng viên: số thẻ đảng viên'],
    type: 'cardNumber',
    required: false,
    width: 16,
    help: 'Chữ, số và . / -.',
    example: '01012345',
  },
  choice('status', 'Tình trạng', PERSON_STATUS_OPTIONS, 'Để trống với hồ sơ mới là Đang công tác.', '', {
    aliases: ['Tình trạng công tác'],
  }),
];

export const UNIT_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'code',
    header: 'Mã đơn vị',
    aliases: ['Mã'],
    type: 'unitCode',
    required: 'always',
    width: 16,
    help: 'Mã duy nhất của đơn vị (chữ, số, . _ -). Đơn vị đã có mã này thì được cập nhật.',
    example: 'CB-PBD-01',
  },
  text('name', 'Tên đơn vị', 300, 'Tên đầy đủ.', 'Chi bộ Khu dân cư số 1', { required: 'always', width: 36 }),
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    aliases: ['Đơn vị cấp trên (mã)', 'Mã cấp trên', 'Trực thuộc (mã)'],
    type: 'unitCode',
    required: 'new',
    width: 16,
    help: 'Mã đơn vị cấp trên: đã có, hoặc ở một dòng khác của tệp này. Không đổi được cấp trên của đơn vị đã có (dùng chức năng chuyển đơn vị).',
    example: 'DBP-BD',
  },
  choice('type', 'Loại đơn vị', UNIT_TYPE_OPTIONS, 'Bắt buộc với đơn vị mới.', 'Chi bộ trực thuộc', {
    required: 'new',
    aliases: ['Loại'],
  }),
  text('shortName', 'Tên viết tắt', 100, 'Tên ngắn (nếu có).', 'CB KDC 1'),
  choice('level', 'Cấp', UNIT_LEVEL_OPTIONS, 'Cấp của đơn vị (nếu cần).', 'Cơ sở', {
    aliases: ['Cấp đơn vị'],
  }),
  {
    key: 'isPartyOrg',
    header: 'Tổ chức đảng',
    aliases: ['Là tổ chức đảng'],
    type: 'bool',
    required: false,
    options: YES_NO_OPTIONS,
    width: 12,
    help: 'Có nếu là tổ chức đảng (đảng bộ, chi bộ); để trống là Không với đơn vị mới.',
    example: 'Có',
  },
  text('address', 'Địa chỉ', 500, 'Địa chỉ trụ sở.', 'Số 1 phố Đội Cấn', { width: 28 }),
  text(
    'adminArea',
    'Địa bàn hành chính',
    200,
    'Địa bàn hành chính đơn vị phụ trách.',
    'Phường Ba Đình, Hà Nội',
    { width: 24 },
  ),
  date(
    'validFrom',
    'Ngày thành lập (dd/mm/yyyy)',
    'Ngày bắt đầu hoạt động của đơn vị mới; để trống là hôm nay. Không dùng cho đơn vị đã có.',
    '01/07/2025',
    {
      aliases: ['Ngày thành lập', 'Ngày bắt đầu'],
    },
  ),
];

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  units: UNIT_COLUMNS,
  people: PEOPLE_COLUMNS,
};

/** The data sheet of each template, and other names accepted for it. */
export const SHEETS: Record<ImportKind, { name: string; aliases: readonly string[] }> = {
  people: { name: 'Cán bộ', aliases: ['Danh sách cán bộ', 'Cán bộ, công chức', 'Nhân sự'] },
  units: { name: 'Đơn vị', aliases: ['Danh sách đơn vị', 'Tổ chức'] },
};

/** Headers a file may carry that are not data: a row counter, notes. */
export const IGNORED_HEADERS = ['STT', 'TT', 'Số thứ tự', 'Ghi chú'];

export const INSTRUCTIONS_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';
