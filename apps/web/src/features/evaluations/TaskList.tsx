import {
  DeleteOutlined,
  EditOutlined,
  LinkOutlined,
  PaperClipOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Empty, List, Popconfirm, Progress, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  type EvaluationDetail,
  fileUrl,
  MAX_EVIDENCE_BYTES,
  type TaskView,
  useEvidenceUpload,
  useTaskMutations,
} from '../../api/evaluations';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { TaskModal } from './TaskModal';

const STATUS_COLOR: Record<TaskView['status'], string> = {
  planned: 'default',
  inProgress: 'processing',
  done: 'success',
  dropped: 'default',
};

function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface Props {
  ev: EvaluationDetail;
  editable: boolean;
  onReload: () => void;
}

/** The period's tasks and commitments, with progress and evidence (Hanoi practice). */
export function TaskList({ ev, editable, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<TaskView | null | undefined>(undefined);
  const [uploadingId, setUploadingId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const m = useTaskMutations(ev.id);
  const upload = useEvidenceUpload(ev.id);

  const beforeUpload = (task: TaskView) => (file: File) => {
    if (file.size > MAX_EVIDENCE_BYTES) {
      message.error(t('evaluations.tasks.fileTooLarge'));
      return Upload.LIST_IGNORE;
    }
    setError(null);
    setUploadingId(task.id);
    upload
      .mutateAsync({ taskId: task.id, file })
      .then(() => message.success(t('evaluations.tasks.uploaded')))
      .catch(setError)
      .finally(() => setUploadingId(null));
    return false;
  };

  return (
    <div id="tasks">
      {isApiError(error) && error.status === 409 ? <ConflictAlert onReload={onReload} /> : null}
      {error && !(isApiError(error) && error.status === 409) ? <ErrorAlert error={error} /> : null}
      {editable ? (
        <Button
          id="task-add"
          icon={<PlusOutlined />}
          onClick={() => setEditing(null)}
          className="mb-16"
          size="large"
          block
        >
          {t('evaluations.tasks.add')}
        </Button>
      ) : null}
      <List
        dataSource={ev.tasks}
        locale={{ emptyText: <Empty description={t('evaluations.tasks.none')} /> }}
        renderItem={(task) => (
          <List.Item
            key={task.id}
            className="task-item"
            actions={
              editable
                ? [
                    <Button
                      key="edit"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t('common.edit')}
                      onClick={() => setEditing(task)}
                    />,
                    <Upload
                      key="upload"
                      showUploadList={false}
                      beforeUpload={beforeUpload(task)}
                      maxCount={1}
                    >
                      <Button
                        type="text"
                        icon={<UploadOutlined />}
                        aria-label={t('evaluations.tasks.upload')}
                        loading={uploadingId === task.id}
                      />
                    </Upload>,
                    <Popconfirm
                      key="delete"
                      title={t('evaluations.tasks.deleteConfirm')}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        m.remove.mutateAsync({ taskId: task.id, version: task.version }).catch(setError)
                      }
                    >
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <div className="task-body">
              <div className="task-title">
                <Typography.Text strong>{task.title}</Typography.Text>{' '}
                <Tag color={STATUS_COLOR[task.status]}>{t(`evaluations.taskStatuses.${task.status}`)}</Tag>
                {task.exceeded ? <Tag color="gold">{t('evaluations.tasks.exceededTag')}</Tag> : null}
                {task.onTime === false ? <Tag color="red">{t('evaluations.tasks.lateTag')}</Tag> : null}
              </div>
              {task.product ? (
                <Typography.Text type="secondary">
                  {t('evaluations.tasks.product')}: {task.product}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary" className="task-dates">
                {t('evaluations.tasks.deadline')}: {formatDate(task.deadline)}
                {task.committedDate
                  ? ` · ${t('evaluations.tasks.committedDate')}: ${formatDate(task.committedDate)}`
                  : ''}
                {task.doneDate ? ` · ${t('evaluations.tasks.doneDate')}: ${formatDate(task.doneDate)}` : ''}
              </Typography.Text>
              <Progress
                percent={task.progress}
                size="small"
                status={task.status === 'done' ? 'success' : 'normal'}
              />
              {uploadingId === task.id && upload.progress !== null ? (
                <div id="upload-progress">
                  <Progress percent={upload.progress} size="small" status="active" />
                </div>
              ) : null}
              <Space wrap size={[12, 4]}>
                {task.evidenceText ? <Typography.Text>{task.evidenceText}</Typography.Text> : null}
                {task.evidenceLink ? (
                  <a href={task.evidenceLink} target="_blank" rel="noreferrer noopener">
                    <LinkOutlined /> {t('evaluations.tasks.link')}
                  </a>
                ) : null}
                {task.evidenceFile ? (
                  <a href={fileUrl(task.evidenceFile.id)} download={task.evidenceFile.name}>
                    <PaperClipOutlined /> {task.evidenceFile.name} ({sizeText(task.evidenceFile.size)})
                  </a>
                ) : null}
              </Space>
            </div>
          </List.Item>
        )}
      />
      <TaskModal
        evaluationId={ev.id}
        task={editing ?? null}
        open={editing !== undefined}
        periodEnd={ev.periodEnd}
        onClose={() => setEditing(undefined)}
        onReload={onReload}
      />
    </div>
  );
}
