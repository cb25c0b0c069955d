import { Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useVoteSession } from '../../api/votes';
import { useDocumentTitle } from '../../components/PageTitle';
import { BallotForm } from './BallotForm';
import './votes.css';

/**
 * The in-person kiosk: the officer opens it on a screen in the hall; each voter types the one-time
 * code printed for them, votes, and the screen goes back to the code entry for the next voter.
 */
export default function KioskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useVoteSession(id);
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState<string | null>(null);
  useDocumentTitle(t('votes.kiosk.title'));

  if (code) return <BallotForm code={code} onDone={() => setCode(null)} />;
  return (
    <div className="ballot-shell">
      <Card>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('votes.kiosk.title')}
        </Typography.Title>
        <p style={{ textAlign: 'center' }}>{session.data?.title}</p>
        <p>{t('votes.kiosk.hint')}</p>
        <Input
          id="kiosk-code"
          className="kiosk-code"
          size="large"
          autoFocus
          autoComplete="off"
          maxLength={16}
          value={typed}
          onChange={(e) => setTyped(e.target.value.toUpperCase())}
          onPressEnter={() => typed.trim() && setCode(typed.trim())}
        />
        <Button
          id="kiosk-start"
          type="primary"
          size="large"
          block
          style={{ marginTop: 16 }}
          disabled={typed.replace(/[\s-]/g, '').length < 12}
          onClick={() => {
            setCode(typed.trim());
            setTyped('');
          }}
        >
          {t('votes.kiosk.start')}
        </Button>
      </Card>
    </div>
  );
}
