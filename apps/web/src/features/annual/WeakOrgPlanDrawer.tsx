import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Drawer, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { fromIsoDate, todayInVietnam, toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PersonSelect } from '../users/PersonSelect';
import { useWeakOrgMutations, type WeakOrgView } from './api';

interface MeasureValues {
  content?: string;
  responsiblePersonId?: string | null;
  deadline?: Dayjs;
  doneOn?: Dayjs;
  responsibleName?: string | null;
}

interface Values {
  measures: MeasureValues[];
  status: WeakOrgView['status'];
  statusNote?: string;
}

interface Props {
  org: WeakOrgView | null;
  editable: boolean;
  onClose: () => void;
}

/** The consolidation plan of one weak organisation: measures (who, by when, done on) and its status. */
export function WeakOrgPlanDrawer({ org, editable, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { update } = useWeakOrgMutations();
  const [error, setError] = useState<unknown>(null);
  const today = todayInVietnam();

  const submit = async (v: Values) => {
    if (!org) return;
    setError(null);
    try {
      await update.mutateAsync({
        id: org.id,
        body: {
          measures: (v.measures ?? []).map((m) => ({
            content: (m.content ?? '').trim(),
            responsiblePersonId: m.responsiblePersonId ?? null,
            deadline: toIsoDate(m.deadline) as string,
            doneOn: toIsoDate(m.doneOn) ?? null,
          })),
          status: v.status,
          statusNote: v.statusNote?.trim() || null,
          version: org.version,
        },
      });
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Drawer
      open={org !== null}
      onClose={onClose}
      title={org ? t('annual.weak.planTitle', { name: org.unitName, year: org.year }) : ''}
      size={720}
      destroyOnHidden
      extra={
        editable ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" id="weak-save" loading={update.isPending} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="weak-error" />
        </div>
      ) : null}
      {org?.note ? <Typography.Paragraph type="secondary">{org.note}</Typography.Paragraph> : null}
      {org ? (
        <Form<Values>
          form={form}
          layout="vertical"
          name="weak-plan"
          disabled={!editable}
          onFinish={submit}
          initialValues={{
            status: org.status,
            statusNote: org.statusNote ?? undefined,
            measures: org.measures.map((m) => ({
              content: m.content,
              responsiblePersonId: m.responsiblePersonId,
              responsibleName: m.responsibleName,
              deadline: fromIsoDate(m.deadline),
              doneOn: fromIsoDate(m.doneOn),
            })),
          }}
        >
          <Typography.Title level={5}>{t('annual.weak.measures')}</Typography.Title>
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => {
                  const m = org.measures[field.name];
                  const overdue = m && !m.doneOn && m.deadline < today;
                  return (
                    <div className={`measure-row${overdue ? ' measure-overdue' : ''}`} key={field.key}>
                      <Form.Item
                        name={[field.name, 'content']}
                        label={t('annual.weak.measure')}
                        rules={[{ required: true, whitespace: true, max: 2000 }]}
                      >
                        <Input.TextArea rows={2} />
                      </Form.Item>
                      <Row gutter={12}>
                        <Col xs={24} md={10}>
                          <Form.Item
                            name={[field.name, 'responsiblePersonId']}
                            label={t('annual.weak.responsible')}
                          >
                            <PersonSelect
                              current={
                                m?.responsiblePersonId && m.responsibleName
                                  ? { id: m.responsiblePersonId, name: m.responsibleName, code: '' }
                                  : null
                              }
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={6}>
                          <Form.Item
                            name={[field.name, 'deadline']}
                            label={t('annual.weak.deadline')}
                            rules={[{ required: true }]}
                            extra={
                              overdue ? (
                                <span className="overdue-text">{t('annual.weak.isOverdue')}</span>
                              ) : null
                            }
                          >
                            <DateInput className="full-width" />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={6}>
                          <Form.Item name={[field.name, 'doneOn']} label={t('annual.weak.doneOn')}>
                            <DateInput className="full-width" notFuture />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={2}>
                          {editable ? (
                            <Form.Item label=" ">
                              <Button
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={t('common.delete')}
                                onClick={() => remove(field.name)}
                              />
                            </Form.Item>
                          ) : null}
                        </Col>
                      </Row>
                    </div>
                  );
                })}
                {editable ? (
                  <Button id="measure-add" icon={<PlusOutlined />} onClick={() => add({})} className="mb-16">
                    {t('annual.weak.addMeasure')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item name="status" label={t('annual.weak.status')} rules={[{ required: true }]}>
                <Select
                  id="weak-plan-status"
                  options={(['planned', 'inProgress', 'consolidated', 'notConsolidated'] as const).map(
                    (s) => ({
                      value: s,
                      label: t(`annual.weak.statuses.${s}`),
                    }),
                  )}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="statusNote" label={t('annual.weak.statusNote')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : null}
    </Drawer>
  );
}
