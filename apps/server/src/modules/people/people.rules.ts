import { checkCccdAgainstPerson, type PartyStatus, validateCccd } from '@canbo/domain';
import type { ErrorDetail } from '../../errors';
import { yearsBefore } from './people.dates';

/** A person's fields as the rules see them (after a change is merged into the stored record). */
export interface PersonFacts {
  sex: 'male' | 'female';
  birthDate: string;
  cccd: string | null;
  partyStatus: PartyStatus;
  partyAdmittedDate: string | null;
  partyFullDate: string | null;
  partyCardNumber: string | null;
  salaryDate: string | null;
}

const detail = (path: string, vi: string, en: string): ErrorDetail => ({
  path,
  message: `${path}: ${vi}`,
  messageEn: `${path}: ${en}`,
});

/** The minimum age for admission to the Party (Party Statute, art. 1: "từ mười tám tuổi trở lên"). */
export const PARTY_MIN_AGE = 18;

/** Every rule the record breaks, each naming its field; empty when it is consistent. `today` is 'YYYY-MM-DD'. */
export function checkPerson(p: PersonFacts, today: string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (p.birthDate >= today) {
    errors.push(
      detail('birthDate', 'Ngày sinh phải trước ngày hôm nay.', 'The date of birth must be before today.'),
    );
  }
  if (p.cccd !== null) {
    const year = Number(today.slice(0, 4));
    for (const f of validateCccd(p.cccd, { asOfYear: year })) errors.push(detail('cccd', f.vi, f.en));
    const person = { sex: p.sex, birthYear: Number(p.birthDate.slice(0, 4)) };
    for (const f of checkCccdAgainstPerson(p.cccd, person, { asOfYear: year }))
      errors.push(detail('cccd', f.vi, f.en));
  }
  if (p.salaryDate !== null && p.salaryDate > today) {
    errors.push(
      detail(
        'salaryDate',
        'Ngày hưởng bậc lương không được sau hôm nay.',
        'The salary date must not be after today.',
      ),
    );
  }
  errors.push(...checkParty(p, today));
  return errors;
}

/** Party membership consistency (contract PartyInput); paths are those of the request body. */
export function checkParty(p: PersonFacts, today: string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const { partyStatus: status, partyAdmittedDate: admitted, partyFullDate: full } = p;
  if (status === 'none') {
    if (admitted !== null || full !== null || p.partyCardNumber !== null) {
      errors.push(
        detail(
          'party.status',
          'Người chưa vào Đảng không có ngày vào Đảng, ngày chính thức hay số thẻ đảng viên.',
          'A non-member has no admission date, full-member date or party card number.',
        ),
      );
    }
    return errors;
  }
  if (admitted === null) {
    errors.push(
      detail(
        'party.admittedDate',
        'Đảng viên phải có ngày vào Đảng.',
        'A party member needs an admission date.',
      ),
    );
  } else {
    if (admitted > today) {
      errors.push(
        detail(
          'party.admittedDate',
          'Ngày vào Đảng không được sau hôm nay.',
          'The admission date must not be after today.',
        ),
      );
    }
    if (admitted < yearsBefore(p.birthDate, -PARTY_MIN_AGE)) {
      errors.push(
        detail(
          'party.admittedDate',
          `Ngày vào Đảng phải từ khi đủ ${PARTY_MIN_AGE} tuổi.`,
          `The admission date must be on or after the ${PARTY_MIN_AGE}th birthday.`,
        ),
      );
    }
  }
  if (status === 'probationary' && full !== null) {
    errors.push(
      detail(
        'party.fullDate',
        'Đảng viên dự bị chưa có ngày chính thức.',
        'A probationary member has no full-member date yet.',
      ),
    );
  }
  if (status === 'full' && full === null) {
    errors.push(
      detail(
        'party.fullDate',
        'Đảng viên chính thức phải có ngày chính thức.',
        'A full member needs a full-member date.',
      ),
    );
  }
  if (full !== null && admitted !== null && full <= admitted) {
    errors.push(
      detail(
        'party.fullDate',
        'Ngày chính thức phải sau ngày vào Đảng.',
        'The full-member date must be after the admission date.',
      ),
    );
  }
  if (full !== null && full > today) {
    errors.push(
      detail(
        'party.fullDate',
        'Ngày chính thức không được sau hôm nay.',
        'The full-member date must not be after today.',
      ),
    );
  }
  return errors;
}

/** `later` must come strictly after `earlier` (both optional). */
export function after(
  path: string,
  earlier: string | null | undefined,
  later: string | null | undefined,
  vi: string,
  en: string,
) {
  return earlier && later && later <= earlier ? [detail(path, vi, en)] : [];
}

/** A dated event of a person's career cannot precede their birth. */
export function notBeforeBirth(
  path: string,
  date: string | null | undefined,
  birthDate: string,
): ErrorDetail[] {
  return date && date < birthDate
    ? [
        detail(
          path,
          'Ngày này không được trước ngày sinh.',
          'This date must not be before the date of birth.',
        ),
      ]
    : [];
}

export function notAfterToday(path: string, date: string | null | undefined, today: string): ErrorDetail[] {
  return date && date > today
    ? [detail(path, 'Ngày này không được sau hôm nay.', 'This date must not be after today.')]
    : [];
}

export { detail as ruleDetail };
