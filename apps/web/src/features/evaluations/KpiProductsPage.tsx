import { EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { type KpiProduct, useKpiProductMutations, useKpiProducts } from '../../api/evaluationAdmin';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../components/useDebounced';
import { formatPoints } from './ui';

interface Values {
  unitId?: string;
  code: string;
  name: string;
  jobPosition?: string;
  measure?: string;
  coefficient: number;
  active: boolean;
}

const trimmed = (v?: string) => (v?.trim() ? v.trim() : undefined);

function ProductModal({
  product,
  open,
  onClose,
  unitId,
}: {
  product: KpiProduct | null;
  open: boolean;
  onClose: () => void;
  unitId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const m = useKpiProductMutations();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      product
        ? { ...product, jobPosition: product.jobPosition ?? undefined, measure: product.measure ?? undefined }
        : { unitId, coefficient: 1, active: true },
    );
  }, [open, product, form, unitId]);
  const submit = async (v: Values) => {
    setError(null);
    const common = {
      code: v.code.trim(),
      name: v.name.trim(),
      jobPosition: trimmed(v.jobPosition),
      measure: trimmed(v.measure),
      coefficient: v.coefficient,
    };
    try {
      if (product)
        await m.update.mutateAsync({
          id: product.id,
          input: { ...common, active: v.active, version: product.version },
        });
      else await m.create.mutateAsync({ ...common, unitId: v.unitId as string });
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal
      open={open}
      title={product ? t('evaluations.kpiProducts.edit') : t('evaluations.kpiProducts.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: m.create.isPending || m.update.isPending, id: 'kpi-product-save' }}
      destroyOnHidden
    >
      {isApiError(error) && error.status === 409 ? (
        <ConflictAlert onReload={onClose} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      <Form form={form} layout="vertical" name="kpiProduct" onFinish={submit}>
        {!product ? (
          <Form.Item name="unitId" label={t('evaluations.cycles.unit')} rules={[{ required: true }]}>
            <UnitTreeSelect />
          </Form.Item>
        ) : null}
        <Form.Item
          name="code"
          label={t('evaluations.kpiProducts.code')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('evaluations.kpiProducts.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="jobPosition" label={t('evaluations.kpiProducts.jobPosition')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="measure" label={t('evaluations.kpiProducts.measure')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="coefficient"
          label={t('evaluations.kpiProducts.coefficient')}
          extra={t('evaluations.kpiProducts.coefficientHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0.01} max={1000} step={0.1} decimalSeparator="," />
        </Form.Item>
        {product ? (
          <Form.Item name="active" label={t('evaluations.kpiProducts.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Decree 335 catalogue of products and work, per unit or job position, with conversion coefficients. */
export default function KpiProductsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [unitId, setUnitId] = useState<string>();
  const [activeOnly, setActiveOnly] = useState(true);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 350);
  const [editing, setEditing] = useState<KpiProduct | null | undefined>(undefined);
  const list = useKpiProducts({
    page,
    pageSize: 20,
    unitId,
    q: q || undefined,
    active: activeOnly ? true : undefined,
  });
  return (
    <>
      <PageTitle
        title={t('evaluations.kpiProducts.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            id="create-kpi-product"
            onClick={() => setEditing(null)}
          >
            {t('evaluations.kpiProducts.create')}
          </Button>
        }
      />
      <Card size="small">
        <div className="toolbar">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('evaluations.kpiProducts.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
            className="toolbar-search"
          />
          <UnitTreeSelect
            allowClear
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setPage(1);
            }}
            className="toolbar-unit"
          />
          <Checkbox
            checked={activeOnly}
            onChange={(e) => {
              setActiveOnly(e.target.checked);
              setPage(1);
            }}
          >
            {t('evaluations.kpiProducts.activeOnly')}
          </Checkbox>
        </div>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<KpiProduct>
          id="kpi-products-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          columns={[
            { key: 'code', title: t('evaluations.kpiProducts.code'), dataIndex: 'code', width: 120 },
            { key: 'name', title: t('evaluations.kpiProducts.name'), dataIndex: 'name' },
            { key: 'job', title: t('evaluations.kpiProducts.jobPosition'), dataIndex: 'jobPosition' },
            { key: 'measure', title: t('evaluations.kpiProducts.measure'), dataIndex: 'measure', width: 120 },
            {
              key: 'coef',
              title: t('evaluations.kpiProducts.coefficient'),
              align: 'right',
              width: 110,
              render: (_, p) => formatPoints(p.coefficient),
            },
            { key: 'unit', title: t('evaluations.cycles.unit'), dataIndex: 'unitName' },
            {
              key: 'active',
              title: t('evaluations.kpiProducts.active'),
              width: 110,
              render: (_, p) =>
                p.active ? <Tag color="green">{t('common.yesValue')}</Tag> : <Tag>{t('common.noValue')}</Tag>,
            },
            {
              key: 'edit',
              width: 60,
              render: (_, p) => (
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => setEditing(p)}
                />
              ),
            },
          ]}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: setPage,
          }}
        />
      </Card>
      <ProductModal
        product={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        unitId={unitId}
      />
    </>
  );
}
