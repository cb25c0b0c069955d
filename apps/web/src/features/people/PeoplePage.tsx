import {
  FileExcelOutlined,
  FilterOutlined,
  PlusOutlined,
  SearchOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { PersonListItem } from '@canbo/domain';
import { Badge, Button, Card, Checkbox, Grid, Input, Popover, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type PersonFilters, peopleExportUrl, usePeople } from '../../api/people';
import { AsOfPicker } from '../../components/AsOfPicker';
import { isIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../components/useDebounced';
import { PeopleFilters } from './PeopleFilters';
import { PersonCreateDrawer } from './PersonCreateDrawer';
import { columnSort, PERSON_COLUMNS, type PersonColumn, usePersonColumns } from './personColumns';
import { useColumnChoice } from './useColumnChoice';

const PAGE_SIZES = [20, 50, 100, 200];
/** Filters kept in the address under the API's own names. */
const FILTER_KEYS = [
  'q',
  'unitId',
  'asOf',
  'staffCategory',
  'partyStatus',
  'ageBand',
  'sex',
  'ethnicity',
  'position',
  'status',
  'sort',
  'order',
] as const;
/** The filters hidden behind "more filters" on a phone. */
const MORE_KEYS = [
  'staffCategory',
  'partyStatus',
  'ageBand',
  'sex',
  'ethnicity',
  'position',
  'status',
] as const;

function readFilters(params: URLSearchParams): PersonFilters {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  if (out.asOf && !isIsoDate(out.asOf)) delete out.asOf;
  return out as PersonFilters;
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 350);
  const [moreOpen, setMoreOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const choice = useColumnChoice();

  const update = (changes: Record<string, string | number | undefined>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: true },
    );
  };

  // A new search starts from the first page; only the settled text matters.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the debounced search text settles
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined, page: 1 });
  }, [q]);

  const list = usePeople({ ...filters, page, pageSize });
  const sort = { sort: filters.sort ?? 'name', order: filters.order ?? 'asc' } as const;
  const defs = usePersonColumns(sort);
  const columns = choice.columns.map((c) => defs[c]);
  const width = columns.reduce((sum, c) => sum + (Number(c.width) || 120), 0);
  const moreCount = MORE_KEYS.filter((k) => filters[k] !== undefined).length;

  const columnChooser = (
    <div className="column-chooser" id="people-columns-list">
      <Checkbox.Group
        value={choice.columns}
        onChange={(v) => choice.setColumns(v as PersonColumn[])}
        options={PERSON_COLUMNS.map((c) => ({
          value: c,
          label: defs[c].title as string,
          disabled: c === 'fullName',
        }))}
      />
      <Button size="small" type="link" onClick={choice.reset} id="people-columns-reset">
        {t('common.resetColumns')}
      </Button>
    </div>
  );

  return (
    <>
      <PageTitle
        title={t('people.title')}
        extra={
          <Space wrap>
            <Button
              id="people-export"
              icon={<FileExcelOutlined />}
              href={peopleExportUrl({ ...filters, q: q || undefined })}
              download
            >
              {t('people.export')}
            </Button>
            {can('people.manage') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                id="create-person"
                onClick={() => setCreating(true)}
              >
                {t('people.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <div className="toolbar">
          <Input
            id="people-search"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('people.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="toolbar-search"
            aria-label={t('common.search')}
          />
          <UnitTreeSelect
            id="people-unit-filter"
            allowClear
            value={filters.unitId}
            onChange={(v) => update({ unitId: v, page: 1 })}
            placeholder={t('people.filters.unit')}
            className="toolbar-unit"
          />
          <AsOfPicker
            id="people-asof"
            value={filters.asOf}
            onChange={(v) => update({ asOf: v, page: 1 })}
            className="toolbar-date"
          />
          <Space wrap className="toolbar-end">
            {phone ? (
              <Badge count={moreCount} size="small">
                <Button
                  id="people-filters-toggle"
                  icon={<FilterOutlined />}
                  onClick={() => setMoreOpen((o) => !o)}
                >
                  {t('people.moreFilters')}
                </Button>
              </Badge>
            ) : null}
            <Popover
              trigger="click"
              placement="bottomRight"
              title={t('common.columns')}
              content={columnChooser}
            >
              <Button id="people-columns" icon={<TableOutlined />}>
                {t('common.columns')}
              </Button>
            </Popover>
          </Space>
        </div>
        {!phone || moreOpen ? (
          <PeopleFilters
            filters={filters}
            onChange={(changes) => update({ ...changes, page: 1 })}
            onClear={() => {
              setSearch('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          />
        ) : null}
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<PersonListItem>
          id="people-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: width }}
          onRow={(p) => ({ onDoubleClick: () => navigate(`/people/${p.id}`) })}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action !== 'sort' || Array.isArray(sorter)) return;
            const key = columnSort(sorter.columnKey as PersonColumn);
            if (!key) return;
            const order = sorter.order === 'descend' ? 'desc' : 'asc';
            update({
              sort: key === 'name' ? undefined : key,
              order: order === 'asc' ? undefined : order,
              page: 1,
            });
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p, size) =>
              update({ page: size !== pageSize ? 1 : p, size: size === 20 ? undefined : size }),
          }}
        />
      </Card>
      <PersonCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
