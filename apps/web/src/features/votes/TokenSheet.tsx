import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedTokens } from '../../api/votes';

/** The codes just issued: shown once (only their hashes are kept), copyable and printable. */
export function TokenSheet({ tokens }: { tokens: IssuedTokens['tokens'] }) {
  const { t } = useTranslation();
  const link = (path: string) => `${window.location.origin}${path}`;
  const group = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');
  return (
    <Card
      id="token-sheet"
      title={t('votes.tokens.title')}
      extra={
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('votes.tokens.print')}
        </Button>
      }
    >
      <Typography.Paragraph type="warning">{t('votes.tokens.once')}</Typography.Paragraph>
      <Table
        rowKey="voterId"
        size="small"
        pagination={false}
        dataSource={tokens}
        rowClassName={() => 'token-sheet-item'}
        columns={[
          { title: t('votes.roster.name'), dataIndex: 'fullName' },
          {
            title: t('votes.tokens.code'),
            dataIndex: 'code',
            render: (c: string) => (
              <Typography.Text code copyable={{ text: c }}>
                {group(c)}
              </Typography.Text>
            ),
          },
          {
            title: t('votes.tokens.link'),
            dataIndex: 'path',
            render: (p: string) => (
              <Typography.Text className="token-link" copyable={{ text: link(p) }}>
                {link(p)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
