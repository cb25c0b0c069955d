import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/people';
import { useDebounced } from '../../components/useDebounced';

export interface LinkedPerson {
  id: string;
  name: string;
  code: string;
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The person linked now, so that their name shows before any search. */
  current?: LinkedPerson | null;
  disabled?: boolean;
}

/**
 * Picks the personnel record an account belongs to: a search over GET /api/people?q= (names match
 * with or without diacritics, or the exact code), within the caller's people.read scope. The server
 * decides the rest (the record's unit must be one where the caller manages accounts).
 */
export function PersonSelect({ id, value, onChange, current, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const people = usePeople({ q: q || undefined, page: 1, pageSize: 20 }, !disabled);
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.fullName} · ${p.code} · ${p.unitName}`,
  }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: `${current.name} · ${current.code}` });
  return (
    <Select
      id={id}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      loading={people.isFetching}
      placeholder={t('users.personSearch')}
      options={options}
    />
  );
}
