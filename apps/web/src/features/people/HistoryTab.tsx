import { LockOutlined } from '@ant-design/icons';
import type { PersonChangeView, TimelineEvent } from '@canbo/domain';
import { Empty, Segmented, Space, Tag, Timeline, type TimelineItemProps, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersonHistory } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';

type Filter = 'all' | 'career' | 'changes';

/** Labels of the fields a change may name, by API field. */
const FIELD_LABELS: Record<string, string> = {
  code: 'person.fields.code',
  unitId: 'person.fields.unit',
  unitName: 'person.fields.unit',
  fullName: 'person.fields.fullName',
  otherName: 'person.fields.otherName',
  sex: 'person.fields.sex',
  birthDate: 'person.fields.birthDate',
  birthPlace: 'person.fields.birthPlace',
  hometown: 'person.fields.hometown',
  ethnicity: 'person.fields.ethnicity',
  religion: 'person.fields.religion',
  cccd: 'person.fields.cccd',
  phone: 'person.fields.phone',
  email: 'person.fields.email',
  educationLevel: 'person.fields.educationLevel',
  professionalQualification: 'person.fields.professionalQualification',
  politicalTheory: 'person.fields.politicalTheory',
  stateManagement: 'person.fields.stateManagement',
  foreignLanguage: 'person.fields.foreignLanguage',
  itLevel: 'person.fields.itLevel',
  staffCategory: 'person.fields.staffCategory',
  salaryScale: 'person.fields.salaryScale',
  salaryStep: 'person.fields.salaryStep',
  salaryDate: 'person.fields.salaryDate',
  status: 'person.fields.status',
  title: 'position.title',
  titleGroup: 'position.titleGroup',
  isLeader: 'position.isLeader',
  isConcurrent: 'position.isConcurrent',
  startDate: 'position.startDate',
  endDate: 'position.endDate',
  decisionNumber: 'position.decisionNumber',
  endReason: 'position.endReason',
  form: 'discipline.form',
  decisionDate: 'discipline.decisionDate',
  issuer: 'discipline.issuer',
  reason: 'discipline.reason',
  expiryDate: 'discipline.expiryDate',
  kind: 'award.kind',
  course: 'training.course',
  institution: 'training.institution',
  certificate: 'training.certificate',
  admittedDate: 'party.admittedDate',
  fullDate: 'party.fullDate',
  cardNumber: 'party.cardNumber',
};

const ENUMS: Record<string, string> = {
  sex: 'sexes',
  staffCategory: 'staffCategories',
  politicalTheory: 'politicalTheory',
  form: 'disciplineForms',
};

function showValue(key: string, value: unknown, section: string, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'boolean') return value ? t('common.yesValue') : t('common.noValue');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  const list =
    key === 'status'
      ? section === 'party'
        ? 'partyStatuses'
        : 'personStatuses'
      : key === 'kind'
        ? `${section}Kinds`
        : ENUMS[key];
  if (list && typeof value === 'string') {
    const label = t(`${list}.${value}` as never, { defaultValue: value });
    return String(label);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function ChangeDetails({ change }: { change: PersonChangeView }) {
  const { t } = useTranslation();
  if (change.masked) {
    return (
      <Typography.Text type="secondary">
        <LockOutlined /> {t('history.maskedChange')}
      </Typography.Text>
    );
  }
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  // Ids mean nothing to a reader (the unit's name is shown where the change carries it); a new row
  // lists only the fields it has.
  const keys = [...new Set([...Object.keys(change.before ?? {}), ...Object.keys(change.after ?? {})])].filter(
    (k) =>
      !['id', 'version', 'unitId', 'personId'].includes(k) &&
      !(change.action === 'created' && empty(change.after?.[k])) &&
      !(change.action === 'deleted' && empty(change.before?.[k])),
  );
  const section =
    change.section === 'award' ? 'award' : change.section === 'training' ? 'training' : change.section;
  return (
    <ul className="change-fields">
      {keys.map((k) => (
        <li key={k}>
          <span className="change-field">{FIELD_LABELS[k] ? t(FIELD_LABELS[k] as never) : k}: </span>
          {change.action === 'deleted' ? (
            <span className="change-before">{showValue(k, change.before?.[k], section, t)}</span>
          ) : (
            <>
              {change.action === 'updated' ? (
                <>
                  <span className="change-before">{showValue(k, change.before?.[k], section, t)}</span> →{' '}
                </>
              ) : null}
              <span className="change-after">{showValue(k, change.after?.[k], section, t)}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function item(e: TimelineEvent, index: number, t: TFunction): TimelineItemProps {
  const period = (from: string, to: string | null) =>
    to ? `${formatDate(from)} – ${formatDate(to)}` : `${t('history.from')} ${formatDate(from)}`;
  switch (e.type) {
    case 'position':
      return {
        key: `p${index}`,
        color: 'blue',
        title: period(e.date, e.endDate),
        content: (
          <Space size={[4, 4]} wrap>
            <Tag color="blue">{t('history.events.position')}</Tag>
            <span>
              {e.position.title}, {e.position.unitName}
            </span>
            {e.position.isConcurrent ? <Tag color="purple">{t('position.isConcurrent')}</Tag> : null}
          </Space>
        ),
      };
    case 'training':
      return {
        key: `t${index}`,
        color: 'cyan',
        title: period(e.date, e.endDate),
        content: (
          <Space size={[4, 4]} wrap>
            <Tag color="cyan">{t(`trainingKinds.${e.training.kind}`)}</Tag>
            <span>
              {e.training.course}
              {e.training.institution ? `, ${e.training.institution}` : ''}
            </span>
          </Space>
        ),
      };
    case 'award':
      return {
        key: `a${index}`,
        color: 'gold',
        title: formatDate(e.date),
        content: (
          <Space size={[4, 4]} wrap>
            <Tag color="gold">{t(`awardKinds.${e.award.kind}`)}</Tag>
            <span>{e.award.title}</span>
          </Space>
        ),
      };
    case 'discipline':
      return {
        key: `d${index}`,
        color: 'red',
        title: formatDate(e.date),
        content: (
          <Space size={[4, 4]} wrap>
            <Tag color="red">{t(`disciplineForms.${e.discipline.form}`)}</Tag>
            <span>{e.discipline.reason ?? e.discipline.decisionNumber ?? ''}</span>
          </Space>
        ),
      };
    case 'partyAdmitted':
      return {
        key: `pa${index}`,
        color: 'red',
        title: formatDate(e.date),
        content: t('history.events.partyAdmitted'),
      };
    case 'partyFull':
      return {
        key: `pf${index}`,
        color: 'red',
        title: formatDate(e.date),
        content: t('history.events.partyFull'),
      };
    case 'change':
      return {
        key: `c${index}`,
        color: 'gray',
        title: formatDateTime(e.change.at),
        content: (
          <div className="history-change">
            <Space size={[4, 4]} wrap>
              <Tag>
                {t(`history.sections.${e.change.section}` as never, { defaultValue: e.change.section })}
              </Tag>
              <span>{t(`history.actions.${e.change.action}`)}</span>
              <Typography.Text type="secondary" className="small-note">
                {e.change.changedBy ? e.change.changedBy.name : t('audit.system')} ·{' '}
                {t(`history.sources.${e.change.source}`)}
              </Typography.Text>
            </Space>
            <ChangeDetails change={e.change} />
          </div>
        ),
      };
  }
}

/** Lịch sử thay đổi: the career events and every change of the record, newest first. */
export function HistoryTab({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const history = usePersonHistory(personId);
  const [filter, setFilter] = useState<Filter>('all');
  if (history.isPending) return <PageLoader />;
  if (!history.data) return <ErrorAlert error={history.error} />;
  const events = history.data.events
    .filter((e) => filter === 'all' || (filter === 'changes' ? e.type === 'change' : e.type !== 'change'))
    .slice()
    .reverse();
  return (
    <div id="person-history">
      <Segmented<Filter>
        className="mb-16"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t('history.filters.all') },
          { value: 'career', label: t('history.filters.career') },
          { value: 'changes', label: t('history.filters.changes') },
        ]}
      />
      {events.length === 0 ? (
        <Empty description={t('history.none')} />
      ) : (
        <Timeline mode="start" titleSpan="190px" items={events.map((e, i) => item(e, i, t))} />
      )}
    </div>
  );
}
