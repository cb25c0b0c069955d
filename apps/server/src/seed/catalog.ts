/**
 * Names of Hanoi's units for the demo: the 126 communes and wards of the July 2025 reform,
 * the city's departments and party bodies, hospitals and state enterprises. Data only.
 */

// biome-ignore format: a data table, kept compact
export const WARDS: readonly string[] = [
  'Hoàn Kiếm', 'Cửa Nam', 'Ba Đình', 'Ngọc Hà', 'Giảng Võ', 'Hai Bà Trưng', 'Vĩnh Tuy', 'Bạch Mai', 'Đống Đa',
  'Kim Liên', 'Văn Miếu - Quốc Tử Giám', 'Láng', 'Ô Chợ Dừa', 'Hồng Hà', 'Lĩnh Nam', 'Hoàng Mai', 'Vĩnh Hưng',
  'Tương Mai', 'Định Công', 'Hoàng Liệt', 'Yên Sở', 'Thanh Xuân', 'Khương Đình', 'Phương Liệt', 'Cầu Giấy',
  'Nghĩa Đô', 'Yên Hòa', 'Tây Hồ', 'Phú Thượng', 'Tây Tựu', 'Phú Diễn', 'Xuân Đỉnh', 'Đông Ngạc', 'Thượng Cát',
  'Từ Liêm', 'Xuân Phương', 'Tây Mỗ', 'Đại Mỗ', 'Long Biên', 'Bồ Đề', 'Việt Hưng', 'Phúc Lợi', 'Hà Đông',
  'Dương Nội', 'Yên Nghĩa', 'Phú Lương', 'Kiến Hưng', 'Thanh Liệt', 'Chương Mỹ', 'Sơn Tây', 'Tùng Thiện',
];

// biome-ignore format: a data table, kept compact
export const COMMUNES: readonly string[] = [
  'Thanh Trì', 'Đại Thanh', 'Nam Phù', 'Ngọc Hồi', 'Thượng Phúc', 'Thường Tín', 'Chương Dương', 'Hồng Vân',
  'Phú Xuyên', 'Phượng Dực', 'Chuyên Mỹ', 'Đại Xuyên', 'Thanh Oai', 'Bình Minh', 'Tam Hưng', 'Dân Hòa',
  'Vân Đình', 'Ứng Thiên', 'Hòa Xá', 'Ứng Hòa', 'Mỹ Đức', 'Hồng Sơn', 'Phúc Sơn', 'Hương Sơn', 'Phú Nghĩa',
  'Xuân Mai', 'Trần Phú', 'Hòa Phú', 'Quảng Bị', 'Minh Châu', 'Quảng Oai', 'Vật Lại', 'Cổ Đô', 'Bất Bạt',
  'Suối Hai', 'Ba Vì', 'Yên Bài', 'Đoài Phương', 'Phúc Thọ', 'Phúc Lộc', 'Hát Môn', 'Thạch Thất', 'Hạ Bằng',
  'Tây Phương', 'Hòa Lạc', 'Yên Xuân', 'Quốc Oai', 'Hưng Đạo', 'Kiều Phú', 'Phú Cát', 'Hoài Đức', 'Dương Hòa',
  'Sơn Đồng', 'An Khánh', 'Đan Phượng', 'Ô Diên', 'Liên Minh', 'Gia Lâm', 'Thuận An', 'Bát Tràng', 'Phù Đổng',
  'Thư Lâm', 'Đông Anh', 'Phúc Thịnh', 'Thiên Lộc', 'Vĩnh Thanh', 'Mê Linh', 'Yên Lãng', 'Tiến Thắng',
  'Quang Minh', 'Sóc Sơn', 'Đa Phúc', 'Nội Bài', 'Trung Giã', 'Kim Anh',
];

/** Communes in the west of the city where Mường and Dao people live. */
// biome-ignore format: a data table, kept compact
export const MINORITY_COMMUNES: ReadonlySet<string> = new Set([
  'Ba Vì', 'Yên Bài', 'Suối Hai', 'Yên Xuân', 'Phú Cát', 'Hương Sơn', 'Trần Phú', 'Minh Châu',
]);

/** The districts abolished in 2025: names of area health centres, school names, birth places. */
// biome-ignore format: a data table, kept compact
export const OLD_DISTRICTS: readonly string[] = [
  'Ba Đình', 'Hoàn Kiếm', 'Tây Hồ', 'Long Biên', 'Cầu Giấy', 'Đống Đa', 'Hai Bà Trưng', 'Hoàng Mai', 'Thanh Xuân',
  'Nam Từ Liêm', 'Bắc Từ Liêm', 'Hà Đông', 'Sơn Tây', 'Ba Vì', 'Phúc Thọ', 'Đan Phượng', 'Hoài Đức', 'Quốc Oai',
  'Thạch Thất', 'Chương Mỹ', 'Thanh Oai', 'Thường Tín', 'Phú Xuyên', 'Ứng Hòa', 'Mỹ Đức', 'Thanh Trì', 'Gia Lâm',
  'Đông Anh', 'Sóc Sơn', 'Mê Linh',
];

export interface DepartmentSpec {
  code: string;
  name: string;
  /** 'Giám đốc' unless said otherwise. */
  head?: [leader: string, deputy: string];
  validFrom: string;
  /** [code suffix, name]; the first ones are kept in the small demo. */
  offices: readonly (readonly [string, string])[];
  /** Public service units and other bodies under the department. */
  units?: readonly (readonly [string, string, 'public_service_unit' | 'state_agency'])[];
}

const VP: readonly [string, string] = ['VP', 'Văn phòng Sở'];

// biome-ignore format: a data table, kept compact
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    code: 'SNV', name: 'Sở Nội vụ', validFrom: '2025-03-01',
    offices: [['TCBC', 'Phòng Tổ chức, biên chế'], ['CCVC', 'Phòng Công chức, viên chức'], VP,
      ['XDCQ', 'Phòng Xây dựng chính quyền và Công tác thanh niên'], ['LDTL', 'Phòng Lao động - Tiền lương - Bảo hiểm xã hội'],
      ['NCC', 'Phòng Người có công']],
    units: [['BTDKT', 'Ban Thi đua - Khen thưởng', 'state_agency'], ['TTLT', 'Trung tâm Lưu trữ lịch sử', 'public_service_unit'],
      ['TTDVVL', 'Trung tâm Dịch vụ việc làm Hà Nội', 'public_service_unit']],
  },
  {
    code: 'STC', name: 'Sở Tài chính', validFrom: '2025-03-01',
    offices: [['NS', 'Phòng Ngân sách'], VP, ['GCS', 'Phòng Quản lý giá và công sản'], ['TCDT', 'Phòng Tài chính đầu tư'],
      ['THQH', 'Phòng Tổng hợp, quy hoạch'], ['DN', 'Phòng Doanh nghiệp, kinh tế tập thể và tư nhân']],
    units: [['TTDVTC', 'Trung tâm Dịch vụ tài chính', 'public_service_unit']],
  },
  {
    code: 'STP', name: 'Sở Tư pháp', validFrom: '2008-08-01',
    offices: [VP, ['XDVB', 'Phòng Xây dựng và kiểm tra văn bản'], ['PBGD', 'Phòng Phổ biến, giáo dục pháp luật'],
      ['HCTP', 'Phòng Hành chính tư pháp'], ['BTTP', 'Phòng Bổ trợ tư pháp']],
    units: [['TGPL', 'Trung tâm Trợ giúp pháp lý Nhà nước', 'public_service_unit'], ['CC1', 'Phòng Công chứng số 1', 'public_service_unit'],
      ['CC2', 'Phòng Công chứng số 2', 'public_service_unit'], ['CC3', 'Phòng Công chứng số 3', 'public_service_unit']],
  },
  {
    code: 'SXD', name: 'Sở Xây dựng', validFrom: '2025-03-01',
    offices: [VP, ['QLN', 'Phòng Quản lý nhà và thị trường bất động sản'], ['KCHT', 'Phòng Quản lý kết cấu hạ tầng giao thông'],
      ['VT', 'Phòng Quản lý vận tải'], ['KTVL', 'Phòng Kinh tế - Vật liệu xây dựng'], ['HDXD', 'Phòng Quản lý hoạt động xây dựng']],
    units: [['TTDHGT', 'Trung tâm Quản lý và điều hành giao thông đô thị', 'public_service_unit'],
      ['TTQLN', 'Trung tâm Quản lý và phát triển nhà', 'public_service_unit'], ['TTKD', 'Trung tâm Kiểm định chất lượng xây dựng', 'public_service_unit']],
  },
  {
    code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', validFrom: '2025-03-01',
    offices: [VP, ['DD', 'Phòng Quản lý đất đai'], ['MT', 'Phòng Môi trường'], ['TNN', 'Phòng Tài nguyên nước'],
      ['TT', 'Phòng Trồng trọt và Bảo vệ thực vật'], ['CN', 'Phòng Chăn nuôi và Thú y'], ['TL', 'Phòng Thủy lợi']],
    units: [['CCKL', 'Chi cục Kiểm lâm', 'state_agency'], ['TTKN', 'Trung tâm Khuyến nông', 'public_service_unit'],
      ['VPDKDD', 'Văn phòng Đăng ký đất đai', 'public_service_unit'], ['TTQT', 'Trung tâm Quan trắc tài nguyên và môi trường', 'public_service_unit']],
  },
  {
    code: 'SCT', name: 'Sở Công Thương', validFrom: '2008-08-01',
    offices: [VP, ['TM', 'Phòng Quản lý thương mại'], ['CN', 'Phòng Quản lý công nghiệp'], ['NL', 'Phòng Quản lý năng lượng'],
      ['KHTC', 'Phòng Kế hoạch - Tài chính']],
    units: [['QLTT', 'Chi cục Quản lý thị trường', 'state_agency'], ['TTKC', 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp', 'public_service_unit']],
  },
  {
    code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', validFrom: '2025-03-01',
    offices: [VP, ['QLKH', 'Phòng Quản lý khoa học'], ['CDS', 'Phòng Chuyển đổi số'], ['BCVT', 'Phòng Bưu chính, viễn thông'],
      ['DMST', 'Phòng Đổi mới sáng tạo']],
    units: [['TTTT', 'Trung tâm Thông tin khoa học và công nghệ', 'public_service_unit'],
      ['TTUD', 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ', 'public_service_unit']],
  },
  {
    code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', validFrom: '2008-08-01',
    offices: [VP, ['GDMN', 'Phòng Giáo dục Mầm non'], ['GDTH', 'Phòng Giáo dục Tiểu học'], ['GDTRH', 'Phòng Giáo dục Trung học'],
      ['TCCB', 'Phòng Tổ chức cán bộ'], ['KT', 'Phòng Khảo thí và Quản lý chất lượng giáo dục'], ['KHTC', 'Phòng Kế hoạch - Tài chính']],
  },
  {
    code: 'SYT', name: 'Sở Y tế', validFrom: '2008-08-01',
    offices: [VP, ['NVY', 'Phòng Nghiệp vụ Y'], ['NVD', 'Phòng Nghiệp vụ Dược'], ['TCCB', 'Phòng Tổ chức cán bộ'],
      ['KHTC', 'Phòng Kế hoạch - Tài chính'], ['QLHN', 'Phòng Quản lý hành nghề'], ['DS', 'Phòng Dân số']],
    units: [['CDC', 'Trung tâm Kiểm soát bệnh tật Hà Nội', 'public_service_unit'], ['CC115', 'Trung tâm Cấp cứu 115 Hà Nội', 'public_service_unit']],
  },
  {
    code: 'SVHTT', name: 'Sở Văn hóa và Thể thao', validFrom: '2025-03-01',
    offices: [VP, ['QLVH', 'Phòng Quản lý văn hóa'], ['TDTT', 'Phòng Quản lý thể dục thể thao'], ['DS', 'Phòng Quản lý di sản'],
      ['BCXB', 'Phòng Báo chí - Xuất bản']],
    units: [['NHC', 'Nhà hát Chèo Hà Nội', 'public_service_unit'], ['NHCL', 'Nhà hát Cải lương Hà Nội', 'public_service_unit'],
      ['MRTL', 'Nhà hát Múa rối Thăng Long', 'public_service_unit'], ['TVHN', 'Thư viện Hà Nội', 'public_service_unit'],
      ['TTHL', 'Trung tâm Huấn luyện và Thi đấu thể dục thể thao', 'public_service_unit']],
  },
  {
    code: 'SDL', name: 'Sở Du lịch', validFrom: '2019-01-01',
    offices: [VP, ['LH', 'Phòng Quản lý lữ hành'], ['LT', 'Phòng Quản lý cơ sở lưu trú'], ['XT', 'Phòng Xúc tiến du lịch']],
    units: [['TTXT', 'Trung tâm Thông tin xúc tiến du lịch', 'public_service_unit']],
  },
  {
    code: 'SQHKT', name: 'Sở Quy hoạch - Kiến trúc', validFrom: '2008-08-01',
    offices: [VP, ['QHTH', 'Phòng Quy hoạch tổng hợp'], ['QHDT', 'Phòng Quy hoạch đô thị'], ['QHNT', 'Phòng Quy hoạch nông thôn'],
      ['KT', 'Phòng Kiến trúc']],
    units: [['VQH', 'Viện Quy hoạch xây dựng Hà Nội', 'public_service_unit']],
  },
  {
    code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo', validFrom: '2025-03-01',
    offices: [VP, ['DT', 'Phòng Công tác dân tộc'], ['TG', 'Phòng Quản lý tôn giáo']],
  },
  {
    code: 'VPUBND', name: 'Văn phòng Ủy ban nhân dân Thành phố', validFrom: '2008-08-01', head: ['Chánh Văn phòng', 'Phó Chánh Văn phòng'],
    offices: [['TH', 'Phòng Tổng hợp'], ['KT', 'Phòng Kinh tế'], ['NC', 'Phòng Nội chính'], ['KGVX', 'Phòng Khoa giáo - Văn xã'],
      ['DT', 'Phòng Đô thị'], ['HCTC', 'Phòng Hành chính - Tổ chức'], ['KSTT', 'Phòng Kiểm soát thủ tục hành chính']],
    units: [['TTTH', 'Trung tâm Tin học - Công báo', 'public_service_unit'], ['NK', 'Nhà khách Ủy ban nhân dân Thành phố', 'public_service_unit']],
  },
  {
    code: 'TTTP', name: 'Thanh tra Thành phố', validFrom: '2025-07-01', head: ['Chánh Thanh tra', 'Phó Chánh Thanh tra'],
    offices: [['VP', 'Văn phòng'], ['TT1', 'Phòng Thanh tra số 1'], ['TT2', 'Phòng Thanh tra số 2'], ['TT3', 'Phòng Thanh tra số 3'],
      ['TT4', 'Phòng Thanh tra số 4'], ['TCD', 'Phòng Tiếp công dân và Xử lý đơn thư'], ['PCTN', 'Phòng Phòng, chống tham nhũng']],
  },
  {
    code: 'VPHDND', name: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân Thành phố', validFrom: '2025-03-01',
    head: ['Chánh Văn phòng', 'Phó Chánh Văn phòng'],
    offices: [['CTQH', 'Phòng Công tác Quốc hội'], ['CTHD', 'Phòng Công tác Hội đồng nhân dân'], ['HCTC', 'Phòng Hành chính - Tổ chức - Quản trị']],
  },
  {
    code: 'BQLKCN', name: 'Ban Quản lý các khu công nghệ cao và khu công nghiệp Thành phố', validFrom: '2008-08-01',
    head: ['Trưởng ban', 'Phó Trưởng ban'],
    offices: [['VP', 'Văn phòng'], ['DT', 'Phòng Quản lý đầu tư'], ['DN', 'Phòng Quản lý doanh nghiệp'],
      ['QH', 'Phòng Quản lý quy hoạch, xây dựng và môi trường'], ['LD', 'Phòng Quản lý lao động']],
  },
];

/** The committee's own advisory bodies (party agencies). */
// biome-ignore format: a data table, kept compact
export const PARTY_BODIES: readonly DepartmentSpec[] = [
  { code: 'BTCTU', name: 'Ban Tổ chức Thành ủy', head: ['Trưởng ban', 'Phó Trưởng ban'], validFrom: '2008-08-01',
    offices: [['TCDV', 'Phòng Tổ chức đảng, đảng viên'], ['CB', 'Phòng Cán bộ'], ['BVCT', 'Phòng Bảo vệ chính trị'], ['TH', 'Phòng Tổng hợp']] },
  { code: 'UBKTTU', name: 'Ủy ban Kiểm tra Thành ủy', head: ['Chủ nhiệm', 'Phó Chủ nhiệm'], validFrom: '2008-08-01',
    offices: [['P1', 'Phòng Kiểm tra số 1'], ['P2', 'Phòng Kiểm tra số 2'], ['P3', 'Phòng Kiểm tra số 3'], ['TH', 'Phòng Tổng hợp']] },
  { code: 'BTGDV', name: 'Ban Tuyên giáo và Dân vận Thành ủy', head: ['Trưởng ban', 'Phó Trưởng ban'], validFrom: '2025-02-01',
    offices: [['LLCT', 'Phòng Lý luận chính trị'], ['TT', 'Phòng Tuyên truyền'], ['DV', 'Phòng Dân vận'], ['KGVX', 'Phòng Khoa giáo - Văn xã']] },
  { code: 'BNCTU', name: 'Ban Nội chính Thành ủy', head: ['Trưởng ban', 'Phó Trưởng ban'], validFrom: '2008-08-01',
    offices: [['NC', 'Phòng Nội chính'], ['PCTN', 'Phòng Phòng, chống tham nhũng, lãng phí, tiêu cực'], ['CCTP', 'Phòng Cải cách tư pháp']] },
  { code: 'VPTU', name: 'Văn phòng Thành ủy', head: ['Chánh Văn phòng', 'Phó Chánh Văn phòng'], validFrom: '2008-08-01',
    offices: [['TH', 'Phòng Tổng hợp'], ['HC', 'Phòng Hành chính - Lưu trữ'], ['TC', 'Phòng Tài chính - Đảng phí'], ['QT', 'Phòng Quản trị']] },
];

// biome-ignore format: a data table, kept compact
export const HOSPITALS: readonly string[] = [
  'Bệnh viện đa khoa Xanh Pôn', 'Bệnh viện Thanh Nhàn', 'Bệnh viện đa khoa Đức Giang', 'Bệnh viện đa khoa Đống Đa',
  'Bệnh viện Tim Hà Nội', 'Bệnh viện Ung Bướu Hà Nội', 'Bệnh viện Phụ sản Hà Nội', 'Bệnh viện Nhi Hà Nội',
  'Bệnh viện Mắt Hà Nội', 'Bệnh viện Thận Hà Nội', 'Bệnh viện Y học cổ truyền Hà Nội', 'Bệnh viện Phổi Hà Nội',
  'Bệnh viện Tâm thần Hà Nội', 'Bệnh viện Da liễu Hà Nội', 'Bệnh viện Bắc Thăng Long', 'Bệnh viện Nam Thăng Long',
  'Bệnh viện Hòe Nhai', 'Bệnh viện đa khoa Hà Đông', 'Bệnh viện đa khoa Sơn Tây', 'Bệnh viện đa khoa Đông Anh',
  'Bệnh viện đa khoa Sóc Sơn', 'Bệnh viện đa khoa Thanh Trì', 'Bệnh viện đa khoa Gia Lâm', 'Bệnh viện đa khoa Ba Vì',
  'Bệnh viện đa khoa Mê Linh', 'Bệnh viện đa khoa Phúc Thọ', 'Bệnh viện đa khoa Quốc Oai', 'Bệnh viện đa khoa Thạch Thất',
  'Bệnh viện đa khoa Hoài Đức', 'Bệnh viện đa khoa Đan Phượng', 'Bệnh viện đa khoa Chương Mỹ', 'Bệnh viện đa khoa Thanh Oai',
  'Bệnh viện đa khoa Thường Tín', 'Bệnh viện đa khoa Phú Xuyên', 'Bệnh viện đa khoa Vân Đình', 'Bệnh viện đa khoa Mỹ Đức',
  'Bệnh viện đa khoa Long Biên', 'Bệnh viện Đại học Y tế công cộng Hà Nội',
];

// biome-ignore format: a data table, kept compact
export const HOSPITAL_WARDS: readonly string[] = [
  'Phòng Kế hoạch tổng hợp', 'Phòng Tổ chức cán bộ', 'Phòng Điều dưỡng', 'Phòng Tài chính kế toán', 'Khoa Khám bệnh',
  'Khoa Cấp cứu', 'Khoa Nội tổng hợp', 'Khoa Ngoại tổng hợp', 'Khoa Sản', 'Khoa Nhi', 'Khoa Hồi sức tích cực',
  'Khoa Xét nghiệm', 'Khoa Chẩn đoán hình ảnh', 'Khoa Dược', 'Khoa Gây mê hồi sức', 'Khoa Truyền nhiễm',
  'Khoa Y học cổ truyền', 'Khoa Tai Mũi Họng', 'Khoa Răng Hàm Mặt', 'Khoa Mắt', 'Khoa Tim mạch', 'Khoa Thận - Tiết niệu',
];

// biome-ignore format: a data table, kept compact
export const FAMOUS_HIGH_SCHOOLS: readonly string[] = [
  'Trường THPT chuyên Hà Nội - Amsterdam', 'Trường THPT Chu Văn An', 'Trường THPT chuyên Nguyễn Huệ', 'Trường THPT Sơn Tây',
  'Trường THPT Việt Đức', 'Trường THPT Phan Đình Phùng', 'Trường THPT Kim Liên', 'Trường THPT Trần Phú - Hoàn Kiếm',
  'Trường THPT Nguyễn Trãi - Ba Đình', 'Trường THPT Yên Hòa', 'Trường THPT Lê Quý Đôn - Hà Đông', 'Trường THPT Nguyễn Gia Thiều',
  'Trường THPT Thăng Long', 'Trường THPT Phạm Hồng Thái', 'Trường THPT Trần Nhân Tông', 'Trường THPT Quang Trung - Đống Đa',
  'Trường THPT Cầu Giấy', 'Trường THPT Nhân Chính', 'Trường THPT Lý Thường Kiệt', 'Trường THPT Xuân Đỉnh',
];

/** Eponyms of schools; kindergartens take the flower names. */
// biome-ignore format: a data table, kept compact
export const SCHOOL_EPONYMS: readonly string[] = [
  'Lê Lợi', 'Nguyễn Trãi', 'Chu Văn An', 'Trần Phú', 'Kim Đồng', 'Lê Quý Đôn', 'Nguyễn Du', 'Ngô Quyền', 'Quang Trung',
  'Trưng Vương', 'Lý Thường Kiệt', 'Phan Chu Trinh', 'Nguyễn Bỉnh Khiêm', 'Võ Thị Sáu', 'Lê Văn Tám', 'Tô Hoàng',
  'Đoàn Thị Điểm', 'Nguyễn Khuyến', 'Lý Tự Trọng', 'Hoàng Hoa Thám', 'Trần Quốc Toản', 'Đinh Tiên Hoàng', 'Phan Huy Chú',
];
// biome-ignore format: a data table, kept compact
export const KINDERGARTEN_NAMES: readonly string[] = [
  'Hoa Sen', 'Hoa Mai', 'Hoa Hồng', 'Họa Mi', 'Sơn Ca', 'Bình Minh', 'Ánh Sao', 'Tuổi Thơ', 'Hoa Sữa', 'Hoa Phượng',
  'Bông Sen', 'Việt Triều', 'Thỏ Ngọc', 'Chim Non', 'Hướng Dương',
];

/** State enterprises of the city: [code, name, divisions]. */
export const STATE_ENTERPRISES: readonly (readonly [string, string])[] = [
  ['TRANSERCO', 'Tổng công ty Vận tải Hà Nội'],
  ['HAWACO', 'Công ty TNHH MTV Nước sạch Hà Nội'],
  ['URENCO', 'Công ty TNHH MTV Môi trường đô thị Hà Nội'],
  ['HANOITOURIST', 'Tổng công ty Du lịch Hà Nội'],
  ['HSDC', 'Công ty TNHH MTV Thoát nước Hà Nội'],
  ['HAPULICO', 'Công ty TNHH MTV Chiếu sáng và Thiết bị đô thị'],
  ['HAPRO', 'Tổng công ty Thương mại Hà Nội'],
  ['CVCX', 'Công ty TNHH MTV Công viên cây xanh Hà Nội'],
  ['HNMETRO', 'Công ty TNHH MTV Đường sắt Hà Nội'],
  ['HDWATER', 'Công ty cổ phần Nước sạch Hà Đông'],
  ['STICH', 'Công ty TNHH MTV Đầu tư phát triển thủy lợi Sông Tích'],
  ['SDAY', 'Công ty TNHH MTV Đầu tư phát triển thủy lợi Sông Đáy'],
  ['SNHUE', 'Công ty TNHH MTV Đầu tư phát triển thủy lợi Sông Nhuệ'],
  ['SDUONG', 'Công ty TNHH MTV Đầu tư phát triển thủy lợi Sông Đuống'],
  ['XSKT', 'Công ty TNHH MTV Xổ số kiến thiết Thủ đô'],
  ['UDIC', 'Tổng công ty Đầu tư và Phát triển hạ tầng đô thị'],
  ['HANDICO', 'Tổng công ty Đầu tư và Phát triển nhà Hà Nội'],
  ['HADICO', 'Công ty TNHH MTV Đầu tư phát triển nông nghiệp Hà Nội'],
  ['HNPH', 'Công ty TNHH MTV Quản lý và Phát triển nhà Hà Nội'],
  ['NXBHN', 'Công ty TNHH MTV Nhà xuất bản Hà Nội'],
];

// biome-ignore format: a data table, kept compact
export const ENTERPRISE_DIVISIONS: readonly string[] = [
  'Phòng Tổ chức - Hành chính', 'Phòng Kế hoạch - Kinh doanh', 'Phòng Tài chính - Kế toán', 'Phòng Kỹ thuật',
  'Phòng An toàn - Chất lượng', 'Xí nghiệp số 1', 'Xí nghiệp số 2', 'Xí nghiệp số 3', 'Chi nhánh Hà Đông', 'Chi nhánh Long Biên',
];

// biome-ignore format: a data table, kept compact
export const PRIVATE_ENTERPRISE_WORDS: readonly string[] = [
  'Thành Công', 'Hưng Thịnh', 'Phú Gia', 'An Phát', 'Minh Long', 'Đại Việt', 'Sao Mai', 'Hoàng Long', 'Tân Tiến',
  'Bình An', 'Hồng Hà', 'Kim Ngân', 'Thăng Long', 'Việt Hưng', 'Trường Sơn',
];

// biome-ignore format: a data table, kept compact
export const PRIVATE_ENTERPRISE_KINDS: readonly string[] = [
  'Công ty cổ phần May', 'Công ty TNHH Xây dựng', 'Công ty cổ phần Thương mại', 'Công ty TNHH Cơ khí',
  'Công ty cổ phần Thực phẩm', 'Công ty TNHH Công nghệ', 'Hợp tác xã Nông nghiệp',
];

/** Birth provinces (names before the 2025 mergers, as on the documents of people born then). */
// biome-ignore format: a data table, kept compact
export const BIRTH_PROVINCES: readonly (readonly [string, number])[] = [
  ['Hà Nội', 74], ['Nam Định', 3], ['Thái Bình', 3], ['Hà Nam', 2], ['Hưng Yên', 2], ['Hải Dương', 2], ['Nghệ An', 2],
  ['Thanh Hóa', 2], ['Phú Thọ', 1.5], ['Vĩnh Phúc', 1.5], ['Bắc Ninh', 1.5], ['Ninh Bình', 1], ['Hòa Bình', 1],
  ['Bắc Giang', 1], ['Hà Tĩnh', 1], ['Hải Phòng', 0.5], ['Thái Nguyên', 0.5], ['Quảng Ninh', 0.3], ['Tuyên Quang', 0.2],
];
