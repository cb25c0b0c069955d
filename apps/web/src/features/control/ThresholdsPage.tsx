import {
  CONTROL_SIGNALS,
  type ControlSignal,
  type ControlThresholds,
  DEFAULT_CONTROL_THRESHOLDS,
} from '@canbo/domain';
import { App, Button, Card, InputNumber, List, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useControlThresholds, useRemoveThresholds, useSaveThresholds } from './api';
import { SIGNAL_UNITS } from './format';
import './control.css';

/**
 * The officer's thresholds: the tenant's setting, or an override for a unit and its subtree. Saving
 * sends the version read (409 when someone saved meanwhile); every change is audited on the server.
 */
export default function ThresholdsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const view = useControlThresholds(unitId);
  const save = useSaveThresholds();
  const remove = useRemoveThresholds();
  const [draft, setDraft] = useState<ControlThresholds>(DEFAULT_CONTROL_THRESHOLDS);
  const v = view.data;

  useEffect(() => {
    if (v) setDraft(structuredClone(v.thresholds));
  }, [v]);

  const setSignal = (signal: ControlSignal, patch: Partial<ControlThresholds['signals'][ControlSignal]>) =>
    setDraft((d) => ({ ...d, signals: { ...d.signals, [signal]: { ...d.signals[signal], ...patch } } }));

  const readOnly = !v?.canManage;
  const conflict = isApiError(save.error, 'CONFLICT') || isApiError(remove.error, 'CONFLICT');

  return (
    <div className="control-page">
      <PageTitle title={t('control.settings.title')} />
      <Typography.Paragraph type="secondary">{t('control.settings.subtitle')}</Typography.Paragraph>
      <Card size="small" className="mb-16">
        <Space wrap>
          <span>{t('control.settings.level')}:</span>
          <UnitTreeSelect
            id="thresholds-unit"
            allowClear
            className="toolbar-unit"
            placeholder={t('control.settings.tenant')}
            value={unitId}
            onChange={(id) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                if (id) next.set('unitId', id);
                else next.delete('unitId');
                return next;
              })
            }
          />
          {v ? (
            <Tag color={v.source === 'default' ? 'default' : 'blue'} id="thresholds-source">
              {t('control.settings.source')}:{' '}
              {t(`control.settings.sources.${v.source}`, { unit: v.sourceUnitName ?? '' })}
            </Tag>
          ) : null}
          {v?.version ? (
            <Typography.Text type="secondary">
              {t('control.settings.version', {
                version: v.version,
                at: formatDateTime(v.updatedAt),
                by: v.updatedBy ?? '—',
              })}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {view.isError ? <ErrorAlert error={view.error} /> : null}
      {conflict ? (
        <ConflictAlert
          onReload={() => {
            save.reset();
            remove.reset();
            void view.refetch();
          }}
        />
      ) : save.isError ? (
        <ErrorAlert error={save.error} />
      ) : null}
      {readOnly && v ? (
        <Typography.Paragraph type="warning">{t('control.settings.readOnly')}</Typography.Paragraph>
      ) : null}
      <Card size="small" className="mb-16">
        <Space wrap size="large">
          <label htmlFor="thresholds-min-sample">
            {t('control.settings.minSample')}{' '}
            <InputNumber
              id="thresholds-min-sample"
              min={1}
              max={10_000}
              value={draft.minSample}
              disabled={readOnly}
              onChange={(n) => setDraft((d) => ({ ...d, minSample: n ?? 1 }))}
            />
          </label>
          <label htmlFor="thresholds-cluster-size">
            {t('control.settings.clusterSize')}{' '}
            <InputNumber
              id="thresholds-cluster-size"
              min={2}
              max={1_000}
              value={draft.clusterSize}
              disabled={readOnly}
              onChange={(n) => setDraft((d) => ({ ...d, clusterSize: n ?? 2 }))}
            />
          </label>
        </Space>
        <Typography.Paragraph type="secondary" className="mt-8">
          {t('control.settings.minSampleHint')}
        </Typography.Paragraph>
      </Card>
      <Table
        id="thresholds-table"
        scroll={{ x: 'max-content' }}
        rowKey="signal"
        size="small"
        pagination={false}
        loading={view.isLoading}
        dataSource={CONTROL_SIGNALS.map((signal) => ({ signal }))}
        columns={[
          {
            title: t('control.table.signals'),
            render: (_v, { signal }) => (
              <div>
                <strong>{t(`control.signals.${signal}`)}</strong>
                <div className="control-muted">{t(`control.hints.${signal}`)}</div>
              </div>
            ),
          },
          {
            title: t('control.settings.enabled'),
            width: 90,
            render: (_v, { signal }) => (
              <Switch
                checked={draft.signals[signal].enabled}
                disabled={readOnly}
                onChange={(enabled) => setSignal(signal, { enabled })}
              />
            ),
          },
          {
            title: t('control.settings.threshold'),
            width: 260,
            render: (_v, { signal }) => (
              <Space orientation="vertical" size={4}>
                <InputNumber
                  id={`threshold-${signal}`}
                  className="control-threshold-input"
                  min={signal === 'reopened' ? 1 : 0}
                  max={
                    SIGNAL_UNITS[signal] === 'seconds'
                      ? 86_400
                      : SIGNAL_UNITS[signal] === 'count'
                        ? 10_000
                        : 100
                  }
                  step={SIGNAL_UNITS[signal] === 'percent' ? 5 : 1}
                  value={draft.signals[signal].threshold}
                  disabled={readOnly}
                  suffix={t(`control.settings.units.${SIGNAL_UNITS[signal]}`)}
                  onChange={(n) => setSignal(signal, { threshold: n ?? 0 })}
                />
                {signal === 'topGrade' ? (
                  <label className="control-muted" htmlFor="threshold-weak-collective">
                    {t('control.settings.weakCollectiveShare')}{' '}
                    <InputNumber
                      id="threshold-weak-collective"
                      min={0}
                      max={100}
                      value={draft.signals.topGrade.weakCollectiveShare}
                      disabled={readOnly}
                      onChange={(n) =>
                        setDraft((d) => ({
                          ...d,
                          signals: {
                            ...d.signals,
                            topGrade: { ...d.signals.topGrade, weakCollectiveShare: n ?? 0 },
                          },
                        }))
                      }
                    />
                  </label>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('control.settings.weight'),
            width: 110,
            render: (_v, { signal }) => (
              <InputNumber
                min={0}
                max={10}
                value={draft.signals[signal].weight}
                disabled={readOnly}
                onChange={(n) => setSignal(signal, { weight: n ?? 0 })}
              />
            ),
          },
        ]}
      />
      <Space className="control-mt">
        <Button
          type="primary"
          id="thresholds-save"
          disabled={readOnly}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { unitId: unitId ?? null, thresholds: draft, version: v?.version ?? null },
              { onSuccess: () => void message.success(t('control.settings.saved')) },
            )
          }
        >
          {t('control.settings.save')}
        </Button>
        <Button disabled={readOnly} onClick={() => setDraft(structuredClone(DEFAULT_CONTROL_THRESHOLDS))}>
          {t('control.settings.reset')}
        </Button>
        {unitId && v?.source === 'unit' && v.sourceUnitId === unitId && v.version ? (
          <Button
            danger
            disabled={readOnly}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { unitId, version: v.version! },
                { onSuccess: () => void message.success(t('control.settings.removed')) },
              )
            }
          >
            {t('control.settings.remove')}
          </Button>
        ) : null}
      </Space>
      {v && v.overrides.length > 0 ? (
        <Card size="small" title={t('control.settings.overrides')} className="control-mt">
          <List
            size="small"
            dataSource={v.overrides}
            renderItem={(o) => (
              <List.Item>
                <Button type="link" onClick={() => setParams({ unitId: o.unitId })}>
                  {o.unitName}
                </Button>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </div>
  );
}
