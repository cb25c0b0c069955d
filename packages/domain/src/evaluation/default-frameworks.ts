import type { CriterionNode, RuleSetId } from './types';

/**
 * Default breakdowns of each rule set's groups. None of the texts fixes sub-criteria or their points
 * (3814 is a "framework" that agencies detail; 335 and 366 list items without points), so these are
 * starting points an agency edits and validateFramework checks.
 */

function leaf(
  code: string,
  maxPoints: number,
  title: [string, string],
  guidance: [string, string],
): CriterionNode {
  return {
    code,
    maxPoints,
    title: { vi: title[0], en: title[1] },
    guidance: { vi: guidance[0], en: guidance[1] },
  };
}

function group(
  code: string,
  maxPoints: number,
  title: [string, string],
  children: CriterionNode[],
): CriterionNode {
  return { code, maxPoints, title: { vi: title[0], en: title[1] }, children };
}

const hn3814 = (): CriterionNode[] => [
  group(
    'discipline',
    20,
    ['Ý thức tổ chức kỷ luật, phẩm chất đạo đức', 'Discipline and ethics'],
    [
      leaf(
        'discipline.policy',
        4,
        ['Chấp hành đường lối, chính sách, pháp luật', 'Keeping to Party lines, State policy and law'],
        [
          'Không vi phạm và vận động người thân cùng thực hiện.',
          'No breach, and family members are encouraged to comply.',
        ],
      ),
      leaf(
        'discipline.rules',
        4,
        ['Nội quy, quy chế, giờ giấc làm việc', "The unit's rules and working hours"],
        [
          'Trừ điểm khi đi muộn, về sớm, vắng không có lý do.',
          'Deduct for coming late, leaving early or absence without reason.',
        ],
      ),
      leaf(
        'discipline.ethics',
        4,
        ['Phẩm chất đạo đức, lối sống', 'Moral qualities and way of life'],
        [
          'Trung thực, liêm chính, giản dị; không có biểu hiện tiêu cực.',
          'Honest, upright and modest; no sign of misconduct.',
        ],
      ),
      leaf(
        'discipline.service',
        4,
        ['Thái độ phục vụ nhân dân, văn hóa công vụ', 'Service to the people and civil-service conduct'],
        [
          'Lịch sự, đúng hẹn; không gây phiền hà, sách nhiễu.',
          'Courteous and punctual; no obstruction or harassment.',
        ],
      ),
      leaf(
        'discipline.unity',
        4,
        ['Đoàn kết, phối hợp, tự phê bình và phê bình', 'Solidarity, cooperation and self-criticism'],
        [
          'Phối hợp tốt với đồng nghiệp; tiếp thu góp ý.',
          'Works well with colleagues and takes criticism on board.',
        ],
      ),
    ],
  ),
  group(
    'results',
    70,
    ['Kết quả thực hiện chức trách, nhiệm vụ được giao', 'Results of assigned duties'],
    [
      leaf(
        'results.volume',
        25,
        ['Khối lượng công việc so với kế hoạch tháng', "Work done against the month's plan"],
        [
          'Đối chiếu danh sách đầu việc đã đăng ký; cho điểm theo tỷ lệ hoàn thành.',
          'Compare with the registered tasks; points in proportion to what was done.',
        ],
      ),
      leaf(
        'results.quality',
        20,
        ['Chất lượng, hiệu quả công việc', 'Quality and effect of the work'],
        [
          'Trừ điểm khi sản phẩm bị trả lại, phải sửa hoặc có sai sót.',
          'Deduct when a product is sent back, reworked or has errors.',
        ],
      ),
      leaf(
        'results.schedule',
        15,
        ['Tiến độ theo cam kết', 'Keeping committed deadlines'],
        [
          'Trừ điểm cho từng việc xong sau ngày đã cam kết.',
          'Deduct for each task finished after its committed date.',
        ],
      ),
      leaf(
        'results.responsibility',
        10,
        ['Trách nhiệm, chủ động; nhiệm vụ đột xuất', 'Responsibility, initiative and unplanned tasks'],
        [
          'Chủ động đề xuất, nhận và làm tốt việc phát sinh.',
          'Proposes work, and takes on and handles unplanned tasks well.',
        ],
      ),
    ],
  ),
  group(
    'bonus',
    10,
    ['Điểm thưởng', 'Bonus points'],
    [
      leaf(
        'bonus.initiative',
        5,
        ['Sáng kiến, cải tiến được áp dụng', 'Initiatives or improvements put to use'],
        ['Ghi rõ sáng kiến và nơi áp dụng.', 'Name the initiative and where it is used.'],
      ),
      leaf(
        'bonus.exceeding',
        5,
        ['Vượt kế hoạch hoặc nhận việc khó', 'Beyond the plan, or difficult assignments'],
        ['Nêu việc cụ thể và kết quả vượt mức.', 'Name the task and what went beyond the plan.'],
      ),
      leaf(
        'bonus.recognition',
        5,
        ['Được biểu dương, khen thưởng trong tháng', 'Praised or commended in the month'],
        ['Ghi số, ngày văn bản khen thưởng.', 'Give the number and date of the commendation.'],
      ),
    ],
  ),
];

const nd335 = (): CriterionNode[] => [
  group(
    'general',
    30,
    ['Tiêu chí chung', 'General criteria'],
    [
      leaf(
        'general.politics',
        10,
        [
          'Phẩm chất chính trị, đạo đức, văn hóa công vụ, kỷ luật',
          'Political and moral qualities, civil-service culture, discipline',
        ],
        [
          'Điều 12 khoản 2 điểm a. Mức 10 điểm là mặc định, Nghị định không chia điểm.',
          'Art. 12 cl. 2(a). The 10 points are a default; the decree sets no split.',
        ],
      ),
      leaf(
        'general.competence',
        10,
        [
          'Năng lực chuyên môn, trách nhiệm, thái độ phục vụ, phối hợp',
          'Competence for the post, responsibility, service and cooperation',
        ],
        [
          'Điều 12 khoản 2 điểm b: theo yêu cầu của vị trí việc làm.',
          'Art. 12 cl. 2(b): against what the job position requires.',
        ],
      ),
      leaf(
        'general.innovation',
        10,
        [
          'Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm',
          'Innovation; daring to think, act and answer for it',
        ],
        ['Điều 12 khoản 2 điểm c: nêu việc làm cụ thể.', 'Art. 12 cl. 2(c): name concrete work.'],
      ),
    ],
  ),
  group(
    'kpi',
    70,
    ['Kết quả thực hiện nhiệm vụ – KPI', 'Task results – KPI'],
    [
      {
        ...leaf(
          'kpi.products',
          70,
          ['Sản phẩm, công việc đã quy đổi', 'Converted products and work'],
          [
            'Tính tự động từ bảng KPI: số lượng, chất lượng, tiến độ.',
            'Computed from the KPI record: quantity, quality, schedule.',
          ],
        ),
        source: 'kpi',
      },
    ],
  ),
];

const qd366 = (): CriterionNode[] => [
  group(
    'general',
    30,
    ['Nhóm tiêu chí chung', 'General criteria'],
    [
      leaf(
        'general.politics',
        10,
        [
          'Phẩm chất chính trị, đạo đức, lối sống, nêu gương',
          'Political qualities, ethics, way of life, example',
        ],
        [
          'Mức điểm là mặc định; Quy định không chia điểm trong nhóm.',
          'The points are a default; the regulation sets no split.',
        ],
      ),
      leaf(
        'general.thinking',
        10,
        [
          'Tư duy đổi mới, khát vọng cống hiến, dám nghĩ, dám làm',
          'Innovative thinking, will to contribute, daring',
        ],
        [
          'Nêu đề xuất, cách làm mới đã thực hiện.',
          'Name the proposals and new ways of working put into practice.',
        ],
      ),
      leaf(
        'general.selfCriticism',
        10,
        [
          'Tự phê bình và phê bình; khắc phục hạn chế',
          'Self-criticism, criticism and remedying shortcomings',
        ],
        [
          'Đối chiếu với hạn chế, khuyết điểm đã chỉ ra kỳ trước.',
          'Check against the shortcomings identified in the previous period.',
        ],
      ),
    ],
  ),
  group(
    'results',
    70,
    ['Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', 'Task results'],
    [
      leaf(
        'results.quantity',
        25,
        ['Số lượng nhiệm vụ, sản phẩm hoàn thành', 'Tasks and products completed'],
        ['Theo danh sách nhiệm vụ được giao trong kỳ.', "Against the period's assigned tasks."],
      ),
      leaf(
        'results.quality',
        25,
        ['Chất lượng, hiệu quả', 'Quality and effect'],
        ['Sản phẩm đạt yêu cầu, được cấp trên chấp nhận.', 'Products meet the requirement and are accepted.'],
      ),
      leaf(
        'results.schedule',
        20,
        ['Tiến độ', 'Timeliness'],
        ['Tỷ lệ nhiệm vụ xong đúng hạn.', 'Share of tasks finished on time.'],
      ),
    ],
  ),
];

/** Fresh trees each call, so a caller may edit the result without touching the defaults. */
export const DEFAULT_TREES: Record<RuleSetId, () => CriterionNode[]> = {
  'hn-3814-2018': hn3814,
  'nd-335-2025': nd335,
  'qd-366-2025': qd366,
};
