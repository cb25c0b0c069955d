import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnit, useUnitSummary } from '../../api/units';
import { asOfSuffix } from '../../components/AsOfPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../../components/RequirePermission';
import { RestructureButtons } from './RestructureButtons';
import { UnitStatusTag, UnitTypeTag } from './UnitTypeTag';

interface Props {
  unitId: string;
  asOf?: string;
  onCreateChild: () => void;
}

/** The unit chosen on the tree: what it is, its counts, and what can be done with it. */
export function UnitPanel({ unitId, asOf, onCreateChild }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const unit = useUnit(unitId, asOf);
  const summary = useUnitSummary(unitId, asOf);

  if (unit.isPending) return <PageLoader />;
  if (!unit.data) return <ErrorAlert error={unit.error} />;
  const u = unit.data;
  const s = summary.data;
  const active = u.status === 'active' && !asOf;

  return (
    <Card
      id="unit-panel"
      size="small"
      title={
        <Space wrap size={[8, 4]}>
          <span>{u.name}</span>
          {u.status !== 'active' ? <UnitStatusTag status={u.status} /> : null}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} className="full-width">
        <Space wrap size={[4, 4]}>
          <UnitTypeTag type={u.type} />
          <Typography.Text type="secondary">{u.code}</Typography.Text>
        </Space>
        {u.ancestors.length > 0 ? (
          <Typography.Text type="secondary" className="small-note">
            {u.ancestors.map((a) => a.name).join(' › ')}
          </Typography.Text>
        ) : null}
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'children', label: t('unit.summary.childUnits'), children: s?.childUnits ?? '…' },
            { key: 'subtree', label: t('unit.summary.subtreeUnits'), children: s?.subtreeUnits ?? '…' },
            { key: 'people', label: t('unit.summary.people'), children: s?.people ?? '…' },
            {
              key: 'peopleSubtree',
              label: t('unit.summary.peopleInSubtree'),
              children: s?.peopleInSubtree ?? '…',
            },
            { key: 'from', label: t('unit.validFrom'), children: formatDate(u.validFrom) },
            ...(u.validTo ? [{ key: 'to', label: t('unit.validTo'), children: formatDate(u.validTo) }] : []),
          ]}
        />
        <Space wrap>
          <LinkButton
            id="unit-open"
            type="primary"
            icon={<RightOutlined />}
            iconPlacement="end"
            to={`/org/units/${u.id}${asOfSuffix(asOf)}`}
          >
            {t('org.openUnit')}
          </LinkButton>
          {active && can('units.manage') ? (
            <Button id="panel-create-child" icon={<PlusOutlined />} onClick={onCreateChild}>
              {t('org.createChild')}
            </Button>
          ) : null}
        </Space>
        {active && can('units.restructure') ? (
          <div>
            <Typography.Text type="secondary" className="small-note">
              {t('org.restructure')}
            </Typography.Text>
            <div className="mt-8">
              <RestructureButtons unitId={u.id} idPrefix="panel-" size="small" />
            </div>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
