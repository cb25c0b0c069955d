import { DatePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { afterToday, DATE_INPUT_FORMATS, fromIsoDate, isIsoDate, toIsoDate } from './dates';

/** The "as of" date of a page, kept in the address (`?asOf=YYYY-MM-DD`) so links and reloads keep it. */
export function useAsOf(): [string | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const asOf = isIsoDate(raw) ? raw : undefined;
  const set = (value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set('asOf', value);
        else next.delete('asOf');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  return [asOf, set];
}

/** `?asOf=…` to append to a link, so the next page shows the same date. */
export function asOfSuffix(asOf: string | undefined): string {
  return asOf ? `?asOf=${asOf}` : '';
}

interface Props {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  className?: string;
}

/** A date picker (dd/mm/yyyy) for "as it was on this date"; empty means today. */
export function AsOfPicker({ id, value, onChange, className }: Props) {
  const { t } = useTranslation();
  return (
    <DatePicker
      id={id}
      className={className}
      value={fromIsoDate(value) ?? null}
      onChange={(d) => onChange(toIsoDate(d))}
      format={DATE_INPUT_FORMATS}
      disabledDate={afterToday}
      allowClear
      placeholder={t('common.asOfToday')}
      prefix={<span className="asof-prefix">{t('common.asOf')}</span>}
      aria-label={t('common.asOf')}
    />
  );
}
