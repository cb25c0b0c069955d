import { AutoComplete, Button, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonFilters } from '../../api/people';
import { useCan } from '../../components/RequirePermission';
import { useDebounced } from '../../components/useDebounced';
import { ethnicityOptions, personOptions } from './options';

interface Props {
  filters: PersonFilters;
  onChange: (changes: Partial<PersonFilters>) => void;
  onClear: () => void;
}

/** The filters besides the search and the unit: category, party status, age, sex, ethnicity, post, status. */
export function PeopleFilters({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const options = personOptions(t);
  const [position, setPosition] = useState(filters.position ?? '');
  const settledPosition = useDebounced(position.trim(), 400);
  const [ethnicity, setEthnicity] = useState(filters.ethnicity ?? '');

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the debounced text settles
  useEffect(() => {
    if (settledPosition !== (filters.position ?? '')) onChange({ position: settledPosition || undefined });
  }, [settledPosition]);

  return (
    <div className="toolbar" id="people-filters">
      <Select
        id="people-category-filter"
        className="toolbar-select"
        allowClear
        placeholder={t('people.filters.category')}
        value={filters.staffCategory}
        onChange={(v) => onChange({ staffCategory: v })}
        options={options.staffCategory}
        aria-label={t('people.filters.category')}
      />
      {can('people.readSensitive') ? (
        <Select
          id="people-party-filter"
          className="toolbar-select"
          allowClear
          placeholder={t('people.filters.party')}
          value={filters.partyStatus}
          onChange={(v) => onChange({ partyStatus: v })}
          options={options.partyStatus}
          aria-label={t('people.filters.party')}
        />
      ) : null}
      <Select
        id="people-age-filter"
        className="toolbar-select-sm"
        allowClear
        placeholder={t('people.filters.age')}
        value={filters.ageBand}
        onChange={(v) => onChange({ ageBand: v })}
        options={options.ageBand}
        aria-label={t('people.filters.age')}
      />
      <Select
        id="people-sex-filter"
        className="toolbar-select-sm"
        allowClear
        placeholder={t('people.filters.sex')}
        value={filters.sex}
        onChange={(v) => onChange({ sex: v })}
        options={options.sex}
        aria-label={t('people.filters.sex')}
      />
      <AutoComplete
        id="people-ethnicity-filter"
        className="toolbar-select-sm"
        allowClear
        placeholder={t('people.filters.ethnicity')}
        value={ethnicity}
        options={ethnicityOptions}
        showSearch={{
          filterOption: (input, option) =>
            String(option?.value ?? '')
              .toLowerCase()
              .startsWith(input.toLowerCase()),
        }}
        onChange={(v: string) => {
          setEthnicity(v ?? '');
          if (!v) onChange({ ethnicity: undefined });
        }}
        onSelect={(v: string) => onChange({ ethnicity: v })}
        onBlur={() => {
          const next = ethnicity.trim() || undefined;
          if (next !== filters.ethnicity) onChange({ ethnicity: next });
        }}
        aria-label={t('people.filters.ethnicity')}
      />
      <Input
        id="people-position-filter"
        className="toolbar-text"
        allowClear
        placeholder={t('people.filters.position')}
        value={position}
        onChange={(e) => setPosition(e.target.value)}
        aria-label={t('people.filters.position')}
      />
      <Select
        id="people-status-filter"
        className="toolbar-select-sm"
        placeholder={t('people.filters.status')}
        value={filters.status ?? 'active'}
        onChange={(v) => onChange({ status: v === 'active' ? undefined : v })}
        options={[...options.personStatus, { value: 'all', label: t('people.filters.allStatuses') }]}
        aria-label={t('people.filters.status')}
      />
      <Button
        id="people-clear-filters"
        onClick={() => {
          setPosition('');
          setEthnicity('');
          onClear();
        }}
      >
        {t('common.clearFilters')}
      </Button>
    </div>
  );
}
