import { CheckCircleOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { formatDecimal } from '@canbo/domain';
import { Button, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuotaGroupLabel } from '../../components/quotaGroup';
import type { AnnualReviewSummary, BoardSubject } from './api';
import type { ReviewAction } from './ReviewActionModal';
import { AnnualGradeTag, ReviewStateTag, subjectName, useAnnualGrade } from './ui';

interface Props {
  items: AnnualReviewSummary[];
  subject: BoardSubject;
  canPropose: boolean;
  canDecide: boolean;
  onAction: (review: AnnualReviewSummary, action: ReviewAction) => void;
}

const PROPOSABLE = new Set(['pending', 'selfReviewed', 'proposed']);

/** The board's rows: eligibility, the system's proposal, self / manager / decided grades, actions. */
export function BoardTable({ items, subject, canPropose, canDecide, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const groupLabel = useQuotaGroupLabel();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const label = useAnnualGrade();
  return (
    <Table<AnnualReviewSummary>
      id="board-table"
      rowKey="id"
      size="small"
      pagination={items.length > 100 ? { pageSize: 100 } : false}
      dataSource={items}
      scroll={{ x: 1140 }}
      columns={[
        {
          key: 'name',
          title: subject === 'person' ? t('annual.columns.person') : t('annual.columns.collective'),
          fixed: 'left',
          width: 200,
          render: (_, r) => (
            <>
              <Link to={`/annual/reviews/${r.id}`}>{subjectName(r)}</Link>
              {r.isLeader ? <Tag className="leader-tag">{t('annual.leader')}</Tag> : null}
              {r.subject === 'leadership' ? (
                <Tag className="leader-tag">{t('annual.subjects.leadership')}</Tag>
              ) : null}
              {r.decidedAbove ? (
                <Tooltip title={t('annual.board.decidedAboveHint')}>
                  <Tag color="purple" className="leader-tag">
                    {t('annual.board.decidedAbove')}
                  </Tag>
                </Tooltip>
              ) : null}
            </>
          ),
        },
        subject === 'person'
          ? { key: 'position', title: t('annual.columns.position'), dataIndex: 'positionTitle', width: 130 }
          : {
              key: 'type',
              title: t('annual.columns.group'),
              width: 130,
              render: (_: unknown, r: AnnualReviewSummary) => (r.quotaGroup ? groupLabel(r.quotaGroup) : '—'),
            },
        {
          key: 'eligibility',
          title: t('annual.columns.eligibility'),
          width: 120,
          render: (_, r) => {
            const e = r.eligibility;
            const reasons = e.reasons.map((x) => x.text[lang] || x.text.vi).join('; ');
            if (e.status !== 'graded')
              return (
                <Tooltip title={reasons}>
                  <Tag color={e.status === 'notReviewed' ? 'default' : 'orange'}>
                    {t(`annual.eligibility.${e.status}`)}
                  </Tag>
                </Tooltip>
              );
            const cap = e.forced ?? e.cap;
            return cap ? (
              <Tooltip title={reasons}>
                <Tag color="gold">{t('annual.eligibility.capShort', { grade: label(cap, r.ruleSetId) })}</Tag>
              </Tooltip>
            ) : (
              <Tag color="green">{t('annual.eligibility.gradedShort')}</Tag>
            );
          },
        },
        {
          key: 'state',
          title: t('annual.columns.state'),
          width: 120,
          render: (_, r) => <ReviewStateTag state={r.state} />,
        },
        {
          key: 'proposed',
          title: t('annual.columns.system'),
          width: 120,
          render: (_, r) => (
            <span className="total-cell">
              {r.proposedScore !== null ? (
                <strong>{formatDecimal(r.proposedScore, 2, { trimZeros: true })}</strong>
              ) : null}{' '}
              <AnnualGradeTag grade={r.proposedGrade} ruleSetId={r.ruleSetId} compact />
            </span>
          ),
        },
        {
          key: 'self',
          title: t('annual.columns.self'),
          width: 90,
          render: (_, r) => <AnnualGradeTag grade={r.selfGrade} ruleSetId={r.ruleSetId} compact />,
        },
        {
          key: 'manager',
          title: t('annual.columns.manager'),
          width: 110,
          render: (_, r) => (
            <span className="total-cell">
              <AnnualGradeTag grade={r.managerGrade} ruleSetId={r.ruleSetId} compact />
              {r.linkageOk === false ? (
                <Tooltip title={t('annual.board.linkageBroken')}>
                  <WarningOutlined className="overdue-text" />
                </Tooltip>
              ) : null}
            </span>
          ),
        },
        {
          key: 'decided',
          title: t('annual.columns.decided'),
          width: 100,
          render: (_, r) => <AnnualGradeTag grade={r.decidedGrade} ruleSetId={r.ruleSetId} compact />,
        },
        {
          key: 'actions',
          title: t('common.actions'),
          fixed: 'right',
          width: 150,
          render: (_, r) => (
            <div className="row-actions">
              {canPropose && PROPOSABLE.has(r.state) ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  className="row-propose"
                  onClick={() => onAction(r, 'propose')}
                >
                  {t('annual.actions.propose')}
                </Button>
              ) : null}
              {canDecide && r.state === 'proposed' ? (
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  className="row-decide"
                  onClick={() => onAction(r, 'decide')}
                >
                  {t('annual.actions.decide')}
                </Button>
              ) : null}
            </div>
          ),
        },
      ]}
    />
  );
}
