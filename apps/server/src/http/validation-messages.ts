import type { ErrorDetail } from '../errors';

interface Issue {
  code?: string;
  message?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  keys?: string[];
  values?: unknown[];
}

/** Turns a zod issue into a sentence in Vietnamese and in English that names the field. */
export function describeIssue(path: string, issue: Issue): ErrorDetail {
  const field = path || 'body';
  const [vi, en] = phrases(issue);
  return { path: field, message: `${field}: ${vi}`, messageEn: `${field}: ${en}` };
}

function phrases(issue: Issue): [string, string] {
  const sized =
    issue.origin === 'string'
      ? ['ký tự', 'characters']
      : issue.origin === 'array'
        ? ['phần tử', 'items']
        : ['', ''];
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected && issue.message?.includes('undefined')
        ? ['bắt buộc phải có', 'is required']
        : [
            `sai kiểu dữ liệu (cần ${issue.expected ?? '?'})`,
            `has the wrong type (expected ${issue.expected ?? '?'})`,
          ];
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? ['không được để trống', 'must not be empty']
        : [
            `phải tối thiểu ${issue.minimum} ${sized[0]}`.trim(),
            `must be at least ${issue.minimum} ${sized[1]}`.trim(),
          ];
    case 'too_big':
      return [
        `không được vượt quá ${issue.maximum} ${sized[0]}`.trim(),
        `must be at most ${issue.maximum} ${sized[1]}`.trim(),
      ];
    case 'invalid_format':
      return [
        `không đúng định dạng${issue.format ? ` (${issue.format})` : ''}`,
        `has an invalid format${issue.format ? ` (${issue.format})` : ''}`,
      ];
    case 'unrecognized_keys':
      return [
        `có trường không được phép: ${(issue.keys ?? []).join(', ')}`,
        `has unknown fields: ${(issue.keys ?? []).join(', ')}`,
      ];
    case 'invalid_value':
      return [
        `giá trị không hợp lệ (cho phép: ${(issue.values ?? []).join(', ')})`,
        `has an invalid value (allowed: ${(issue.values ?? []).join(', ')})`,
      ];
    default:
      return ['không hợp lệ', issue.message ?? 'is invalid'];
  }
}
