import { CCCD_PROVINCE_CODES } from '@canbo/domain';
import type { Sex } from './names';
import type { Random } from './random';

/** Province name → the 3-digit code of the birth registration place (the domain's list). */
const CODE_OF = new Map(Object.entries(CCCD_PROVINCE_CODES).map(([code, name]) => [name, code]));

export function provinceCode(province: string): string {
  const code = CODE_OF.get(province);
  if (!code) throw new Error(`no CCCD code for province ${province}`);
  return code;
}

/**
 * Issues well-formed citizen ID numbers (12 digits: province of birth registration, century and
 * sex, the last two digits of the birth year, 6 random digits), never the same one twice.
 */
export class CccdIssuer {
  private readonly issued = new Set<string>();

  constructor(private readonly rng: Random) {}

  issue(province: string, birthDate: string, sex: Sex): string {
    const year = Number(birthDate.slice(0, 4));
    const centurySex = (Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
    const prefix = `${provinceCode(province)}${centurySex}${String(year % 100).padStart(2, '0')}`;
    for (;;) {
      const cccd = prefix + this.rng.digits(6);
      if (!this.issued.has(cccd)) {
        this.issued.add(cccd);
        return cccd;
      }
    }
  }
}
