import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { ReportSectionSpec } from '@canbo/domain';
import { Button, Card, Input, Popconfirm, Segmented, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/client';
import {
  type ReportTemplate,
  useCreateReportTemplate,
  useDeleteReportTemplate,
  useReportTemplates,
  useUpdateReportTemplate,
} from '../../api/reportBuilder';
import { useIndicatorRegistry } from '../../api/reports';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDefaultUnit } from './ReportFilters';

interface Draft {
  id: string | null;
  version: number;
  name: string;
  kind: ReportTemplate['kind'];
  unitId: string | undefined;
  sections: ReportSectionSpec[];
}

const CHARTS = ['bar', 'stackedBar', 'line', 'pie', 'pyramid'] as const;

const blankSection = (): ReportSectionSpec => ({
  kind: 'indicators',
  title: '',
  intro: null,
  indicators: [],
  decimals: 2,
  compare: false,
  chart: null,
});

function SectionEditor(props: {
  index: number;
  count: number;
  section: ReportSectionSpec;
  onChange: (s: ReportSectionSpec) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const registry = useIndicatorRegistry();
  const s = props.section;
  const set = (patch: Partial<ReportSectionSpec>) => props.onChange({ ...s, ...patch });
  return (
    <Card
      size="small"
      className="template-section"
      title={`${props.index + 1}. ${s.title || t('reports.builder.editor.untitled')}`}
      extra={
        <Space>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={props.index === 0}
            onClick={() => props.onMove(-1)}
            aria-label={t('reports.builder.editor.up')}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={props.index === props.count - 1}
            onClick={() => props.onMove(1)}
            aria-label={t('reports.builder.editor.down')}
          />
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            onClick={props.onRemove}
            aria-label={t('reports.builder.editor.remove')}
          />
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Input
            className="section-title"
            placeholder={t('reports.builder.editor.sectionTitle')}
            value={s.title}
            onChange={(e) => set({ title: e.target.value })}
            style={{ width: 360 }}
          />
          <Select
            value={s.kind}
            onChange={(kind) => set({ kind })}
            style={{ width: 200 }}
            options={(['indicators', 'targets', 'text'] as const).map((k) => ({
              value: k,
              label: t(`reports.builder.editor.kinds.${k}`),
            }))}
          />
        </Space>
        <Input.TextArea
          placeholder={t('reports.builder.editor.intro')}
          value={s.intro ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => set({ intro: e.target.value || null })}
        />
        {s.kind === 'indicators' ? (
          <Select
            className="section-indicators"
            mode="multiple"
            placeholder={t('reports.builder.editor.indicators')}
            value={s.indicators.map((i) => i.id)}
            onChange={(ids: string[]) =>
              set({ indicators: ids.map((id) => s.indicators.find((i) => i.id === id) ?? { id }) })
            }
            options={(registry.data?.items ?? []).map((i) => ({ value: i.id, label: i.label.vi }))}
            style={{ width: '100%' }}
          />
        ) : null}
        {s.kind !== 'text' ? (
          <Space wrap>
            <span>{t('reports.builder.editor.decimals')}</span>
            <Segmented
              value={s.decimals}
              onChange={(v) => set({ decimals: v as 1 | 2 })}
              options={[
                { value: 1, label: '44,5%' },
                { value: 2, label: '41,43%' },
              ]}
            />
            <Switch checked={s.compare} onChange={(compare) => set({ compare })} />
            <span>{t('reports.builder.editor.compare')}</span>
            {s.kind === 'indicators' ? (
              <Select
                allowClear
                placeholder={t('reports.builder.editor.chart')}
                value={s.chart ?? undefined}
                onChange={(chart) => set({ chart: chart ?? null })}
                style={{ width: 200 }}
                options={CHARTS.map((c) => ({ value: c, label: t(`reports.builder.charts.${c}`) }))}
              />
            ) : null}
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}

/** "Mẫu báo cáo": the built-in templates (copy to adapt) and the unit's own, with their sections in order. */
export default function ReportTemplatesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = me.permissions.includes('units.manage');
  const defaultUnit = useDefaultUnit();
  const list = useReportTemplates();
  const [draft, setDraft] = useState<Draft | null>(null);
  const create = useCreateReportTemplate();
  const update = useUpdateReportTemplate(draft?.id ?? '');
  const remove = useDeleteReportTemplate();

  const edit = (x: ReportTemplate, copy: boolean) =>
    setDraft({
      id: copy ? null : x.id,
      version: x.version,
      name: copy ? `${x.name} (${t('reports.builder.editor.copy')})` : x.name,
      kind: x.kind,
      unitId: x.unitId ?? defaultUnit,
      sections: x.sections.map((s) => ({ ...s })),
    });

  const save = () => {
    if (!draft) return;
    if (draft.id)
      update.mutate(
        { version: draft.version, name: draft.name, kind: draft.kind, sections: draft.sections },
        { onSuccess: (x) => edit(x, false) },
      );
    else if (draft.unitId)
      create.mutate(
        { unitId: draft.unitId, name: draft.name, kind: draft.kind, sections: draft.sections },
        { onSuccess: (x) => edit(x, false) },
      );
  };

  const setSections = (sections: ReportSectionSpec[]) => draft && setDraft({ ...draft, sections });
  const move = (i: number, delta: -1 | 1) => {
    if (!draft) return;
    const next = [...draft.sections];
    const [s] = next.splice(i, 1);
    next.splice(i + delta, 0, s!);
    setSections(next);
  };

  return (
    <>
      <PageTitle
        title={t('reports.builder.editor.title')}
        extra={
          manage ? (
            <Button
              id="template-new"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() =>
                setDraft({
                  id: null,
                  version: 1,
                  name: '',
                  kind: 'custom',
                  unitId: defaultUnit,
                  sections: [blankSection()],
                })
              }
            >
              {t('reports.builder.editor.new')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error ?? remove.error} />
      <Table<ReportTemplate>
        id="report-template-list"
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t('reports.builder.editor.name'),
            key: 'name',
            render: (_, x) => (
              <>
                {x.name}{' '}
                {x.builtIn ? (
                  <Tag>{t('reports.builder.editor.builtIn')}</Tag>
                ) : (
                  <Tag color="blue">{x.unitName}</Tag>
                )}
              </>
            ),
          },
          {
            title: t('reports.builder.editor.kind'),
            key: 'kind',
            render: (_, x) => t(`reports.builder.kinds.${x.kind}`),
          },
          {
            title: t('reports.builder.editor.sections'),
            key: 'n',
            render: (_, x) => x.sections.length,
            align: 'right',
          },
          {
            key: 'actions',
            width: 280,
            render: (_, x) =>
              manage ? (
                <Space>
                  {!x.builtIn ? (
                    <Button size="small" icon={<EditOutlined />} onClick={() => edit(x, false)}>
                      {t('reports.builder.editor.edit')}
                    </Button>
                  ) : null}
                  <Button size="small" icon={<CopyOutlined />} onClick={() => edit(x, true)}>
                    {t('reports.builder.editor.copy')}
                  </Button>
                  {!x.builtIn ? (
                    <Popconfirm
                      title={t('reports.builder.editor.confirmDelete')}
                      onConfirm={() => remove.mutate(x.id)}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} />
                    </Popconfirm>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      {draft ? (
        <Card
          id="template-editor"
          title={draft.id ? t('reports.builder.editor.editing') : t('reports.builder.editor.new')}
          extra={
            <Space>
              <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
              <Button
                id="template-save"
                type="primary"
                loading={create.isPending || update.isPending}
                onClick={save}
              >
                {t('common.save')}
              </Button>
            </Space>
          }
        >
          {isApiError(update.error, 'CONFLICT') ? (
            <ConflictAlert
              onReload={async () => {
                const fresh = (await list.refetch()).data?.items.find((x) => x.id === draft.id);
                update.reset();
                if (fresh) edit(fresh, false);
              }}
            />
          ) : (
            <ErrorAlert error={create.error ?? update.error} />
          )}
          <Space wrap style={{ marginBottom: 12 }}>
            <Input
              id="template-name"
              placeholder={t('reports.builder.editor.name')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              style={{ width: 360 }}
            />
            <Select
              value={draft.kind}
              onChange={(kind) => setDraft({ ...draft, kind })}
              style={{ width: 200 }}
              options={(['midYear', 'yearEnd', 'custom'] as const).map((k) => ({
                value: k,
                label: t(`reports.builder.kinds.${k}`),
              }))}
            />
            {!draft.id ? (
              <UnitTreeSelect
                value={draft.unitId}
                onChange={(unitId) => setDraft({ ...draft, unitId })}
                style={{ minWidth: 300 }}
              />
            ) : null}
          </Space>
          {draft.sections.map((s, i) => (
            <SectionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: sections have no id of their own; order is the identity
              key={i}
              index={i}
              count={draft.sections.length}
              section={s}
              onChange={(next) => setSections(draft.sections.map((x, j) => (j === i ? next : x)))}
              onMove={(delta) => move(i, delta)}
              onRemove={() => setSections(draft.sections.filter((_, j) => j !== i))}
            />
          ))}
          <Button
            id="template-add-section"
            icon={<PlusOutlined />}
            onClick={() => setSections([...draft.sections, blankSection()])}
          >
            {t('reports.builder.editor.addSection')}
          </Button>
        </Card>
      ) : null}
    </>
  );
}
