import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { UnitView } from '@canbo/domain';
import { Alert, Button, Card, Col, Grid, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AsOfPicker, asOfSuffix, useAsOf } from '../../components/AsOfPicker';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { useDebounced } from '../../components/useDebounced';
import { OrgTree } from './OrgTree';
import { RestructureButtons } from './RestructureButtons';
import { UnitCreateDrawer } from './UnitCreateDrawer';
import { UnitPanel } from './UnitPanel';

export default function OrgTreePage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [asOf, setAsOf] = useAsOf();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 350);
  const [selected, setSelected] = useState<UnitView | null>(null);
  const [creating, setCreating] = useState<{ parentId?: string; parentLabel?: string } | null>(null);

  const select = (unit: UnitView) => {
    // On a phone the panel would sit below a long tree: go straight to the unit's page.
    if (phone) navigate(`/org/units/${unit.id}${asOfSuffix(asOf)}`);
    else setSelected(unit);
  };

  return (
    <>
      <PageTitle
        title={t('org.title')}
        extra={
          can('units.manage') && !asOf ? (
            <Button type="primary" icon={<PlusOutlined />} id="create-unit" onClick={() => setCreating({})}>
              {t('org.createUnit')}
            </Button>
          ) : null
        }
      />
      {can('units.restructure') && !asOf ? (
        <div className="mb-16">
          <RestructureButtons unitId={selected?.id} />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <div className="toolbar">
              <Input
                id="org-search"
                allowClear
                prefix={<SearchOutlined />}
                placeholder={t('org.searchPlaceholder')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                className="toolbar-search"
                aria-label={t('common.search')}
              />
              <AsOfPicker id="org-asof" value={asOf} onChange={setAsOf} className="toolbar-date" />
            </div>
            {asOf ? (
              <Alert
                id="org-asof-banner"
                className="mb-16"
                type="info"
                showIcon
                title={t('org.asOfBanner', { date: formatDate(asOf) })}
                action={
                  <Button size="small" onClick={() => setAsOf(undefined)}>
                    {t('org.backToToday')}
                  </Button>
                }
              />
            ) : null}
            {search.trim().length === 1 ? (
              <Typography.Paragraph type="secondary" className="small-note">
                {t('org.searchHint')}
              </Typography.Paragraph>
            ) : null}
            <OrgTree
              key={`${asOf ?? 'today'}|${q}`}
              asOf={asOf}
              q={q}
              selectedId={selected?.id}
              onSelect={select}
            />
          </Card>
        </Col>
        {phone ? null : (
          <Col xs={24} lg={10}>
            {selected ? (
              <UnitPanel
                key={`${selected.id}|${asOf ?? ''}`}
                unitId={selected.id}
                asOf={asOf}
                onCreateChild={() =>
                  setCreating({ parentId: selected.id, parentLabel: `${selected.name} (${selected.code})` })
                }
              />
            ) : (
              <Card size="small">
                <Space orientation="vertical">
                  <Typography.Text type="secondary">{t('org.selectHint')}</Typography.Text>
                </Space>
              </Card>
            )}
          </Col>
        )}
      </Row>
      <UnitCreateDrawer
        open={creating !== null}
        parentId={creating?.parentId}
        parentLabel={creating?.parentLabel}
        onClose={() => setCreating(null)}
        onCreated={(id) => navigate(`/org/units/${id}`)}
      />
    </>
  );
}
