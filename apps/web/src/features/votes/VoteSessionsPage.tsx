import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { useVoteSessions } from '../../api/votes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { SetupDrawer } from './SetupDrawer';
import { StateTag } from './StateTag';

/** The sessions the caller may read, newest first; officers set up new ones here. */
export default function VoteSessionsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const [setup, setSetup] = useState(false);
  const list = useVoteSessions({ page, pageSize: 20 });
  const manage = me.permissions.includes('votes.manage');
  return (
    <>
      <PageTitle
        title={t('votes.nav')}
        extra={
          manage ? (
            <Button id="vote-create" type="primary" icon={<PlusOutlined />} onClick={() => setSetup(true)}>
              {t('votes.setup.title')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error} />
      <Table
        id="vote-sessions"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('votes.setup.date'),
            dataIndex: 'voteDate',
            width: 120,
            render: (d: string) => formatDate(d),
          },
          {
            title: t('votes.setup.name'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/votes/${r.id}`}>{v}</Link>,
          },
          { title: t('votes.setup.unit'), dataIndex: 'unitName' },
          { title: t('votes.setup.candidates'), dataIndex: 'candidates', width: 110, align: 'right' },
          {
            title: t('votes.turnout.voted'),
            width: 120,
            align: 'right',
            render: (_, r) => `${r.voted}/${r.summoned}`,
          },
          {
            title: t('votes.state.label'),
            width: 150,
            render: (_, r) => (
              <>
                <StateTag state={r.state} />
                {r.void ? <Tag color="red">{t('votes.result.void')}</Tag> : null}
              </>
            ),
          },
        ]}
      />
      <SetupDrawer open={setup} onClose={() => setSetup(false)} />
    </>
  );
}
