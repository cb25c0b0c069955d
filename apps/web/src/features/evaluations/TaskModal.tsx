import { Col, Form, Input, Modal, Row, Select, Slider, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { type TaskView, useTaskMutations } from '../../api/evaluations';
import { ConflictAlert } from '../../components/ConflictAlert';
import { DateInput } from '../../components/DateInput';
import { fromIsoDate, toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';

export const TASK_STATUSES = ['planned', 'inProgress', 'done', 'dropped'] as const;

interface Values {
  title: string;
  product?: string;
  deadline?: Dayjs;
  committedDate?: Dayjs;
  progress?: number;
  status?: (typeof TASK_STATUSES)[number];
  doneDate?: Dayjs;
  exceeded?: boolean;
  evidenceText?: string;
  evidenceLink?: string;
}

interface Props {
  evaluationId: string;
  /** The task being edited; absent for a new one. */
  task?: TaskView | null;
  open: boolean;
  periodEnd: string;
  onClose: () => void;
  onReload: () => void;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Registers a task of the period or updates its progress, completion and evidence. */
export function TaskModal({ evaluationId, task, open, periodEnd, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const m = useTaskMutations(evaluationId);
  const [error, setError] = useState<unknown>(null);
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      task
        ? {
            title: task.title,
            product: task.product ?? undefined,
            deadline: fromIsoDate(task.deadline),
            committedDate: fromIsoDate(task.committedDate),
            progress: task.progress,
            status: task.status,
            doneDate: fromIsoDate(task.doneDate),
            exceeded: task.exceeded,
            evidenceText: task.evidenceText ?? undefined,
            evidenceLink: task.evidenceLink ?? undefined,
          }
        : { deadline: fromIsoDate(periodEnd) },
    );
  }, [open, task, form, periodEnd]);

  const save = async (v: Values) => {
    setError(null);
    try {
      if (!task) {
        await m.add.mutateAsync({
          title: v.title.trim(),
          ...(blank(v.product) ? { product: blank(v.product) as string } : {}),
          deadline: toIsoDate(v.deadline) as string,
          ...(toIsoDate(v.committedDate) ? { committedDate: toIsoDate(v.committedDate) } : {}),
        });
      } else {
        await m.update.mutateAsync({
          taskId: task.id,
          input: {
            title: v.title.trim(),
            product: blank(v.product),
            deadline: toIsoDate(v.deadline),
            committedDate: toIsoDate(v.committedDate) ?? null,
            progress: v.status === 'done' ? 100 : (v.progress ?? 0),
            status: v.status,
            doneDate: v.status === 'done' ? (toIsoDate(v.doneDate) ?? null) : null,
            exceeded: Boolean(v.exceeded),
            evidenceText: blank(v.evidenceText),
            evidenceLink: blank(v.evidenceLink),
            version: task.version,
          },
        });
      }
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={task ? t('evaluations.tasks.edit') : t('evaluations.tasks.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: m.add.isPending || m.update.isPending, id: 'task-save' }}
      destroyOnHidden
      width={640}
    >
      {isApiError(error) && error.status === 409 ? (
        <ConflictAlert onReload={onReload} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      <Form form={form} layout="vertical" name="task" onFinish={save} className="mt-12">
        <Form.Item
          name="title"
          label={t('evaluations.tasks.title')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="product" label={t('evaluations.tasks.product')}>
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="deadline" label={t('evaluations.tasks.deadline')} rules={[{ required: true }]}>
              <DateInput className="full-width" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="committedDate" label={t('evaluations.tasks.committedDate')}>
              <DateInput className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        {task ? (
          <>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="status" label={t('evaluations.tasks.status')}>
                  <Select
                    options={TASK_STATUSES.map((s) => ({
                      value: s,
                      label: t(`evaluations.taskStatuses.${s}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="doneDate"
                  label={t('evaluations.tasks.doneDate')}
                  rules={[{ required: status === 'done', message: t('evaluations.tasks.doneDateRequired') }]}
                >
                  <DateInput className="full-width" notFuture disabled={status !== 'done'} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="progress" label={t('evaluations.tasks.progress')}>
              <Slider
                min={0}
                max={100}
                step={5}
                disabled={status === 'done'}
                tooltip={{ formatter: (v) => `${v}%` }}
              />
            </Form.Item>
            <Form.Item name="exceeded" label={t('evaluations.tasks.exceeded')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="evidenceText" label={t('evaluations.tasks.evidenceText')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
            <Form.Item
              name="evidenceLink"
              label={t('evaluations.tasks.evidenceLink')}
              rules={[{ type: 'url', message: t('evaluations.tasks.linkInvalid') }]}
            >
              <Input inputMode="url" placeholder="https://" maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
