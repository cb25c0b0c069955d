import {
  BarChartOutlined,
  DesktopOutlined,
  KeyOutlined,
  PlayCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { type IssuedTokens, useIssueTokens, useTurnout, useVoteSession, useVoteStep } from '../../api/votes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { StateTag } from './StateTag';
import { TokenSheet } from './TokenSheet';
import './votes.css';

/** One session: set-up, codes, the live turnout (no result until closed), open and close. */
export default function VoteSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const session = useVoteSession(id);
  const s = session.data;
  const turnout = useTurnout(id, s?.state === 'open');
  const step = useVoteStep(id);
  const issue = useIssueTokens(id);
  const [tokens, setTokens] = useState<IssuedTokens['tokens']>([]);
  if (!s) return session.error ? <ErrorAlert error={session.error} /> : <PageLoader />;
  const manage = me.permissions.includes('votes.manage');
  const live = turnout.data ?? {
    voted: s.voted,
    summoned: s.summoned,
    issued: s.issued,
    quorum: Math.ceil((2 * s.summoned) / 3),
  };

  return (
    <>
      <PageTitle
        title={s.title}
        extra={
          <Space wrap className="no-print">
            {manage && s.state === 'draft' ? (
              <Button
                id="vote-open"
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={step.isPending}
                onClick={() => step.mutate({ action: 'open', version: s.version })}
              >
                {t('votes.actions.open')}
              </Button>
            ) : null}
            {manage && s.state !== 'closed' ? (
              <Button
                id="vote-issue"
                icon={<KeyOutlined />}
                loading={issue.isPending}
                onClick={async () => setTokens((await issue.mutateAsync({ version: s.version })).tokens)}
              >
                {t('votes.actions.issue')}
              </Button>
            ) : null}
            {s.state === 'open' ? (
              <Link to={`/votes/${id}/kiosk`} target="_blank">
                <Button id="vote-kiosk" icon={<DesktopOutlined />}>
                  {t('votes.actions.kiosk')}
                </Button>
              </Link>
            ) : null}
            {manage && s.state === 'open' ? (
              <Popconfirm
                title={t('votes.actions.closeConfirm')}
                okButtonProps={{ id: 'vote-close-ok' }}
                onConfirm={() => step.mutateAsync({ action: 'close', version: s.version })}
              >
                <Button id="vote-close" danger icon={<StopOutlined />}>
                  {t('votes.actions.close')}
                </Button>
              </Popconfirm>
            ) : null}
            {s.state === 'closed' ? (
              <Link to={`/votes/${id}/result`}>
                <Button id="vote-result" type="primary" icon={<BarChartOutlined />}>
                  {t('votes.actions.result')}
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      <ErrorAlert error={step.error ?? issue.error} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('votes.state.label')}>
          <StateTag state={s.state} />
          {s.void ? <Tag color="red">{t('votes.result.void')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('votes.setup.unit')}>{s.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('votes.setup.date')}>{formatDate(s.voteDate)}</Descriptions.Item>
      </Descriptions>
      <Card id="turnout" title={t('votes.turnout.title')} style={{ marginBottom: 16 }}>
        <div className="turnout-numbers">
          <div>
            <div className="turnout-big" id="turnout-voted">
              {live.voted}/{live.summoned}
            </div>
            <div className="turnout-label">{t('votes.turnout.voted')}</div>
          </div>
          <div>
            <div className="turnout-big" style={{ fontSize: 40 }}>
              {live.issued}
            </div>
            <div className="turnout-label">{t('votes.turnout.issued')}</div>
          </div>
          <div>
            <div
              className="turnout-big"
              style={{ fontSize: 40, color: live.voted >= live.quorum ? '#389e0d' : '#d48806' }}
            >
              {live.quorum}
            </div>
            <div className="turnout-label">{t('votes.turnout.quorum')}</div>
          </div>
        </div>
        {s.state !== 'closed' ? <p className="turnout-label">{t('votes.turnout.secret')}</p> : null}
      </Card>
      {tokens.length ? <TokenSheet tokens={tokens} /> : null}
      <Card title={t('votes.setup.candidates')} style={{ margin: '16px 0' }} className="no-print">
        <Table
          rowKey="personId"
          size="small"
          pagination={false}
          dataSource={s.candidates}
          columns={[
            { title: '#', dataIndex: 'ordinal', width: 50 },
            {
              title: t('votes.roster.name'),
              dataIndex: 'fullName',
              render: (v: string, r) => <Link to={`/people/${r.personId}`}>{v}</Link>,
            },
            { title: t('votes.setup.post'), dataIndex: 'post' },
          ]}
        />
      </Card>
      <Card title={t('votes.roster.title')} className="no-print">
        <Table
          rowKey="id"
          size="small"
          dataSource={s.voters}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('votes.roster.name'), dataIndex: 'fullName' },
            {
              title: t('votes.roster.code'),
              dataIndex: 'tokenIssued',
              width: 140,
              render: (v: boolean) => (v ? <Tag>{t('votes.roster.issued')}</Tag> : '—'),
            },
            {
              title: t('votes.roster.voted'),
              dataIndex: 'voted',
              width: 140,
              render: (v: boolean) => (v ? <Tag color="green">{t('votes.roster.hasVoted')}</Tag> : '—'),
            },
          ]}
        />
      </Card>
    </>
  );
}
