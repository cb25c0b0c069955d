import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ABSENCE_KINDS } from '@canbo/domain';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateInput } from '../../components/DateInput';
import { toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { type Absence, type FiledResult, useAbsenceMutations, useAbsences, useFiledResults } from './api';
import { AnnualGradeTag } from './ui';

/** Published annual and mid-term results, as filed in the person's record. */
export function AnnualResultsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const results = useFiledResults(personId);
  return (
    <Card size="small" className="mb-16" title={t('annual.person.results')} id="annual-results">
      {results.isError ? <ErrorAlert error={results.error} /> : null}
      <Table<FiledResult>
        id="annual-results-table"
        rowKey="reviewId"
        size="small"
        loading={results.isFetching}
        dataSource={results.data?.items ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('annual.person.noResults') }}
        columns={[
          {
            key: 'period',
            title: t('annual.periods.label'),
            render: (_, r) => <Link to={`/annual/reviews/${r.reviewId}`}>{r.periodLabel}</Link>,
          },
          { key: 'track', title: t('annual.columns.track'), render: (_, r) => t(`annual.tracks.${r.track}`) },
          {
            key: 'grade',
            title: t('annual.columns.grade'),
            render: (_, r) => <AnnualGradeTag grade={r.grade} ruleSetId={r.ruleSetId} />,
          },
          { key: 'unit', title: t('annual.columns.unit'), dataIndex: 'unitName' },
          {
            key: 'published',
            title: t('annual.review.publishedAt'),
            render: (_, r) => formatDate(r.publishedAt),
          },
        ]}
      />
    </Card>
  );
}

interface AbsenceValues {
  kind?: Absence['kind'];
  startDate?: Dayjs;
  endDate?: Dayjs;
  note?: string;
}

/** "Nghỉ phép, thai sản": the leave periods that eligibility counts (worked < 6 months, 3–6 months away). */
export function AbsencesSection({ personId, canManage }: { personId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const absences = useAbsences(personId);
  const m = useAbsenceMutations(personId);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<AbsenceValues>();

  const submit = async (v: AbsenceValues) => {
    setError(null);
    try {
      await m.add.mutateAsync({
        kind: v.kind as Absence['kind'],
        startDate: toIsoDate(v.startDate) as string,
        endDate: toIsoDate(v.endDate) as string,
        note: v.note?.trim() || null,
      });
      message.success(t('common.saved'));
      form.resetFields();
      setAdding(false);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card
      size="small"
      className="mb-16"
      title={t('annual.person.absences')}
      id="absences"
      extra={
        canManage ? (
          <Button size="small" id="absence-add" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('annual.person.addAbsence')}
          </Button>
        ) : null
      }
    >
      {absences.isError ? <ErrorAlert error={absences.error} /> : null}
      {m.remove.isError ? <ErrorAlert error={m.remove.error} /> : null}
      <Table<Absence>
        id="absences-table"
        rowKey="id"
        size="small"
        loading={absences.isFetching}
        dataSource={absences.data?.items ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('annual.person.noAbsences') }}
        columns={[
          {
            key: 'kind',
            title: t('annual.person.kind'),
            render: (_, a) => (
              <Tag color={a.kind === 'maternity' ? 'magenta' : 'default'}>
                {t(`annual.absenceKinds.${a.kind}`)}
              </Tag>
            ),
          },
          {
            key: 'span',
            title: t('annual.periods.span'),
            render: (_, a) => `${formatDate(a.startDate)} – ${formatDate(a.endDate)}`,
          },
          { key: 'note', title: t('annual.person.note'), render: (_, a) => a.note ?? '' },
          ...(canManage
            ? [
                {
                  key: 'delete',
                  title: '',
                  width: 60,
                  render: (_: unknown, a: Absence) => (
                    <Popconfirm
                      title={t('common.deleteConfirm')}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => m.remove.mutateAsync(a.id)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={adding}
        title={t('annual.person.addAbsence')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ id: 'absence-save', loading: m.add.isPending }}
        destroyOnHidden
      >
        {error ? (
          <div className="mb-16">
            <ErrorAlert error={error} />
          </div>
        ) : null}
        <Form form={form} layout="vertical" name="absence" onFinish={submit}>
          <Form.Item name="kind" label={t('annual.person.kind')} rules={[{ required: true }]}>
            <Select
              id="absence-kind"
              options={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`annual.absenceKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="startDate" label={t('annual.periods.start')} rules={[{ required: true }]}>
            <DateInput id="absence-start" className="full-width" />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={t('annual.periods.end')}
            dependencies={['startDate']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | undefined;
                  return !value || !start || !value.isBefore(start, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('annual.person.endBeforeStart')));
                },
              }),
            ]}
          >
            <DateInput id="absence-end" className="full-width" />
          </Form.Item>
          <Form.Item name="note" label={t('annual.person.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The person page's "Đánh giá năm" tab: the filed annual results and the leave periods. */
export function PersonAnnualTab({ personId, canManage }: { personId: string; canManage: boolean }) {
  return (
    <>
      <AnnualResultsSection personId={personId} />
      <AbsencesSection personId={personId} canManage={canManage} />
    </>
  );
}
