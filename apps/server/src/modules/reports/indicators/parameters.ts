import { text } from './types';

/** Ages at which a new tier begins: 40 and 51 give under 40, 40 to 50, over 50 ("3 độ tuổi"). */
export const DEFAULT_AGE_BANDS = [40, 51];

export const AGE_PARAMETER = {
  name: 'bands',
  label: text('Các mốc tuổi bắt đầu một độ tuổi mới', 'Ages at which a new tier begins'),
  example: DEFAULT_AGE_BANDS.join(','),
};
