import { COMMUNES, FAMOUS_HIGH_SCHOOLS, HOSPITAL_WARDS, HOSPITALS, OLD_DISTRICTS, WARDS } from './catalog';
import type { Random } from './random';
import { heads, OLD_UNIT_DATE, REFORM_DATE, type RootRef, staffing, type TreeBuilder } from './tree';

/** Upper-secondary schools, continuing education centres and hospitals under their departments. */
export function addSchoolsAndHospitals(b: TreeBuilder, rng: Random) {
  const education = b.get('SGDDT');
  const highSchools = [
    ...FAMOUS_HIGH_SCHOOLS,
    ...COMMUNES.filter((_, i) => i % 4 !== 3).map((c) => `Trường THPT ${c}`),
    ...WARDS.filter((_, i) => i % 3 === 0).map((w) => `Trường THPT ${w}`),
  ];
  const seen = new Set<string>();
  let n = 0;
  for (const name of highSchools) {
    if (seen.has(name)) continue;
    seen.add(name);
    b.add(education, {
      code: `SGDDT-THPT${String(++n).padStart(3, '0')}`,
      name,
      type: 'public_service_unit',
      validFrom: OLD_UNIT_DATE,
      level: 'base',
      staffing: staffing(
        'upperSecondary',
        heads('Hiệu trưởng', 'Phó Hiệu trưởng', rng.int(2, 3)),
        rng.int(45, 90),
        rng.int(4, 9),
      ),
    });
  }
  OLD_DISTRICTS.filter((_, i) => i % 2 === 0).forEach((d, i) => {
    b.add(education, {
      code: `SGDDT-GDTX${String(i + 1).padStart(2, '0')}`,
      name: `Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${d}`,
      type: 'public_service_unit',
      validFrom: OLD_UNIT_DATE,
      level: 'base',
      staffing: staffing('center', heads('Giám đốc', 'Phó Giám đốc', 2), rng.int(20, 40), rng.int(3, 6)),
    });
  });
  const health = b.get('SYT');
  HOSPITALS.forEach((name, i) => {
    const code = `SYT-BV${String(i + 1).padStart(2, '0')}`;
    const hospital = b.add(health, {
      code,
      name,
      type: 'public_service_unit',
      validFrom: OLD_UNIT_DATE,
      level: 'base',
      staffing: staffing('hospital', heads('Giám đốc', 'Phó Giám đốc', rng.int(2, 4)), 0, 0),
    });
    const wards = rng.sample(HOSPITAL_WARDS, rng.int(8, 14));
    wards.forEach((ward, j) => {
      const isOffice = ward.startsWith('Phòng');
      b.add(hospital, {
        code: `${code}-K${String(j + 1).padStart(2, '0')}`,
        name: ward,
        type: 'public_service_unit',
        validFrom: OLD_UNIT_DATE,
        staffing: staffing(
          'hospital',
          isOffice
            ? heads('Trưởng phòng', 'Phó Trưởng phòng', 1)
            : heads('Trưởng khoa', 'Phó Trưởng khoa', rng.int(1, 2)),
          isOffice ? rng.int(5, 12) : rng.int(14, 45),
          rng.int(2, 8),
        ),
      });
    });
  });
  OLD_DISTRICTS.forEach((d, i) => {
    b.add(health, {
      code: `SYT-TTYT${String(i + 1).padStart(2, '0')}`,
      name: `Trung tâm Y tế khu vực ${d}`,
      type: 'public_service_unit',
      validFrom: REFORM_DATE,
      level: 'base',
      staffing: staffing(
        'hospital',
        heads('Giám đốc', 'Phó Giám đốc', rng.int(2, 3)),
        rng.int(30, 80),
        rng.int(4, 10),
      ),
    });
  });
}

/** The political school and the city's press, directly under the committee. */
export function addCityPublicUnits(b: TreeBuilder, rng: Random, root: RootRef) {
  const school = b.add(root, {
    code: 'TCTTH',
    name: 'Trường Chính trị Tô Hiệu',
    type: 'public_service_unit',
    validFrom: OLD_UNIT_DATE,
    staffing: staffing('college', heads('Hiệu trưởng', 'Phó Hiệu trưởng', 3), 0, 0),
  });
  [
    ['XDD', 'Khoa Xây dựng Đảng'],
    ['LLCS', 'Khoa Lý luận cơ sở'],
    ['NNPL', 'Khoa Nhà nước và Pháp luật'],
    ['DV', 'Khoa Dân vận'],
    ['TCHC', 'Phòng Tổ chức - Hành chính'],
    ['QLDT', 'Phòng Quản lý đào tạo'],
  ].forEach(([suffix, name]) => {
    const office = name!.startsWith('Phòng');
    b.add(school, {
      code: `TCTTH-${suffix}`,
      name: name!,
      type: 'public_service_unit',
      validFrom: OLD_UNIT_DATE,
      staffing: staffing(
        'college',
        office ? heads('Trưởng phòng', 'Phó Trưởng phòng', 1) : heads('Trưởng khoa', 'Phó Trưởng khoa', 1),
        rng.int(6, 14),
        office ? rng.int(1, 3) : 0,
      ),
    });
  });
  const press = b.add(root, {
    code: 'BPTTH',
    name: 'Báo và Phát thanh, Truyền hình Hà Nội',
    type: 'public_service_unit',
    validFrom: '2025-03-01',
    staffing: staffing('center', heads('Tổng Biên tập', 'Phó Tổng Biên tập', 4), 0, 0),
  });
  [
    ['TS', 'Ban Thời sự'],
    ['KT', 'Ban Kinh tế'],
    ['VHXH', 'Ban Văn hóa - Xã hội'],
    ['DT', 'Ban Điện tử'],
    ['BT', 'Ban Biên tập'],
    ['KTCN', 'Ban Kỹ thuật - Công nghệ'],
    ['TCHC', 'Ban Tổ chức - Hành chính'],
  ].forEach(([suffix, name]) => {
    b.add(press, {
      code: `BPTTH-${suffix}`,
      name: name!,
      type: 'public_service_unit',
      validFrom: '2025-03-01',
      staffing: staffing(
        'center',
        heads('Trưởng ban', 'Phó Trưởng ban', rng.int(1, 2)),
        rng.int(12, 30),
        rng.int(1, 4),
      ),
    });
  });
}
