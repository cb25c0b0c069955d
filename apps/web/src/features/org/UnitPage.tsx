import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Statistic,
  Tabs,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useUnit, useUnitSummary } from '../../api/units';
import { AsOfPicker, asOfSuffix, useAsOf } from '../../components/AsOfPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { RestructureButtons } from './RestructureButtons';
import { UnitChildrenTable } from './UnitChildrenTable';
import { UnitCreateDrawer } from './UnitCreateDrawer';
import { UnitEditModal } from './UnitEditModal';
import { UnitHistoryTimeline } from './UnitHistoryTimeline';
import { UnitPeopleTable } from './UnitPeopleTable';
import { UnitPositionsTable } from './UnitPositionsTable';
import { UnitStatusTag, UnitTypeTag } from './UnitTypeTag';

export default function UnitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const [asOf, setAsOf] = useAsOf();
  const unit = useUnit(id, asOf);
  const summary = useUnitSummary(unit.data ? id : undefined, asOf);
  const [tab, setTab] = useState('children');
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);

  const back = (
    <LinkButton to={`/org${asOfSuffix(asOf)}`} icon={<ArrowLeftOutlined />} type="link" className="back-link">
      {t('unit.backToTree')}
    </LinkButton>
  );

  if (unit.isPending) return <PageLoader />;
  if (isApiError(unit.error) && (unit.error.status === 404 || unit.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('unit.notFound')}
        subTitle={asOf ? t('unit.notFoundAsOf', { date: formatDate(asOf) }) : undefined}
        extra={
          <Space wrap>
            {back}
            {asOf ? <Button onClick={() => setAsOf(undefined)}>{t('org.backToToday')}</Button> : null}
          </Space>
        }
      />
    );
  }
  if (!unit.data) return <ErrorAlert error={unit.error} />;

  const u = unit.data;
  const s = summary.data;
  const active = u.status === 'active' && !asOf;
  const yesNo = (b: boolean) => (b ? t('common.yesValue') : t('common.noValue'));

  return (
    <>
      {back}
      {u.ancestors.length > 0 ? (
        <Breadcrumb
          className="unit-breadcrumb"
          items={u.ancestors.map((a) => ({
            key: a.id,
            title: <Link to={`/org/units/${a.id}${asOfSuffix(asOf)}`}>{a.name}</Link>,
          }))}
        />
      ) : null}
      <PageTitle
        title={u.name}
        extra={
          <Space wrap>
            <UnitTypeTag type={u.type} />
            <UnitStatusTag status={u.status} />
            <AsOfPicker id="unit-asof" value={asOf} onChange={setAsOf} />
          </Space>
        }
      />
      {asOf ? (
        <Alert
          className="mb-16"
          type="info"
          showIcon
          title={t('unit.asOfBanner', { date: formatDate(asOf) })}
          action={
            <Button size="small" onClick={() => setAsOf(undefined)}>
              {t('org.backToToday')}
            </Button>
          }
        />
      ) : null}
      {u.status !== 'active' && !asOf ? (
        <Alert
          id="unit-closed"
          className="mb-16"
          type="warning"
          showIcon
          title={t('unit.closedAlert', {
            status: t(`unitStatus.${u.status}`),
            date: formatDate(u.validTo),
          })}
          description={
            u.successors.length > 0 ? (
              <span>
                {t('unit.successors')}:{' '}
                {u.successors.map((l, i) => (
                  <span key={l.id}>
                    {i > 0 ? ', ' : ''}
                    <Link to={`/org/units/${l.id}`}>{l.name}</Link>
                  </span>
                ))}
              </span>
            ) : undefined
          }
        />
      ) : null}
      {u.predecessors.length > 0 ? (
        <Alert
          className="mb-16"
          type="info"
          title={
            <span>
              {t('unit.predecessors')}:{' '}
              {u.predecessors.map((l, i) => (
                <span key={l.id}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/org/units/${l.id}`}>{l.name}</Link> ({t(`changeKinds.${l.kind}`).toLowerCase()}{' '}
                  {formatDate(l.effectiveDate)})
                </span>
              ))}
            </span>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('unit.details')}
            id="unit-details"
            extra={
              active && can('units.manage') ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  id="rename-unit"
                  onClick={() => setEditing(true)}
                >
                  {t('unit.rename')}
                </Button>
              ) : null
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'code', label: t('unit.code'), children: <span id="unit-code">{u.code}</span> },
                { key: 'shortName', label: t('unit.shortName'), children: u.shortName ?? '—' },
                { key: 'name', label: t('unit.name'), span: 'filled', children: u.name },
                { key: 'type', label: t('unit.type'), children: t(`unitTypes.${u.type}`) },
                { key: 'level', label: t('unit.level'), children: levelLabel(u.level, t) },
                { key: 'party', label: t('unit.isPartyOrg'), children: yesNo(u.isPartyOrg) },
                { key: 'status', label: t('unit.status'), children: t(`unitStatus.${u.status}`) },
                { key: 'adminArea', label: t('unit.adminArea'), children: u.adminArea ?? '—' },
                { key: 'address', label: t('unit.address'), children: u.address ?? '—' },
                { key: 'from', label: t('unit.validFrom'), children: formatDate(u.validFrom) },
                { key: 'to', label: t('unit.validTo'), children: formatDate(u.validTo) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={t('unit.summary.title', { date: formatDate(s?.asOf ?? asOf) })}
            id="unit-summary"
          >
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Statistic title={t('unit.summary.childUnits')} value={s?.childUnits ?? '…'} />
              </Col>
              <Col span={12}>
                <Statistic title={t('unit.summary.positions')} value={s?.positions ?? '…'} />
              </Col>
              <Col span={12}>
                <Statistic title={t('unit.summary.leaders')} value={s?.leaders ?? '…'} />
              </Col>
              <Col span={12}>
                <Statistic title={t('unit.summary.concurrent')} value={s?.concurrent ?? '…'} />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t('unit.summary.peopleInSubtree')}
                  value={s?.peopleInSubtree ?? '…'}
                  groupSeparator="."
                />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t('unit.summary.recordsKept')}
                  value={s?.recordsKept ?? '…'}
                  groupSeparator="."
                />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      {active && (can('units.manage') || can('units.restructure')) ? (
        <div className="mt-12">
          <Space wrap>
            {can('units.manage') ? (
              <Button icon={<PlusOutlined />} id="create-unit" onClick={() => setCreating(true)}>
                {t('org.createChild')}
              </Button>
            ) : null}
            {can('units.restructure') ? <RestructureButtons unitId={u.id} idPrefix="unit-" /> : null}
          </Space>
        </div>
      ) : null}
      <Card size="small" className="mt-12">
        <Tabs
          id="unit-tabs"
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'children',
              label: t('unit.tabs.children'),
              children: <UnitChildrenTable unitId={u.id} asOf={asOf} />,
            },
            ...(can('people.read')
              ? [
                  {
                    key: 'people',
                    label: t('unit.tabs.people'),
                    children: <UnitPeopleTable unitId={u.id} asOf={asOf} />,
                  },
                  {
                    key: 'positions',
                    label: t('unit.tabs.positions'),
                    children: <UnitPositionsTable unitId={u.id} asOf={asOf} />,
                  },
                ]
              : []),
            {
              key: 'history',
              label: t('unit.tabs.history'),
              children: <UnitHistoryTimeline unitId={u.id} />,
            },
          ]}
        />
      </Card>
      {editing ? (
        <UnitEditModal
          unit={u}
          open={editing}
          onClose={() => setEditing(false)}
          onReload={() => unit.refetch()}
        />
      ) : null}
      <UnitCreateDrawer
        open={creating}
        parentId={u.id}
        parentLabel={`${u.name} (${u.code})`}
        onClose={() => setCreating(false)}
        onCreated={(newId) => navigate(`/org/units/${newId}`)}
      />
    </>
  );
}

function levelLabel(level: string | null, t: TFunction): string {
  if (!level) return '—';
  const known = ['central', 'province', 'district', 'commune', 'base'] as const;
  return (known as readonly string[]).includes(level)
    ? t(`unitLevels.${level as (typeof known)[number]}`)
    : level;
}
