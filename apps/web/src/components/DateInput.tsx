import { DatePicker, type DatePickerProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { afterToday, DATE_INPUT_FORMATS } from './dates';

type Props = Omit<DatePickerProps, 'format' | 'picker'> & {
  /** Days after today (Việt Nam time) cannot be chosen. */
  notFuture?: boolean;
};

/** A calendar date typed or picked as dd/mm/yyyy (d/m/yyyy and ddmmyyyy are accepted while typing). */
export function DateInput({ notFuture, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <DatePicker
      format={DATE_INPUT_FORMATS}
      placeholder={placeholder ?? t('common.datePlaceholder')}
      disabledDate={notFuture ? afterToday : undefined}
      {...rest}
    />
  );
}
