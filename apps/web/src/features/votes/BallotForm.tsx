import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Modal, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Ballot, ballotApi } from '../../api/votes';
import { formatDate } from '../../components/format';
import { useErrorText } from '../../components/useErrorText';
import { LEVELS, type Level } from './format';
import './votes.css';

/**
 * The ballot as a voter sees it on a phone or at the kiosk: a card per person with one tap per
 * level, a confirmation, then thanks. Once cast there is no way back: the code is spent.
 */
export function BallotForm({ code, onDone }: { code: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const errors = useErrorText();
  const [ballot, setBallot] = useState<Ballot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [choices, setChoices] = useState<Record<string, Level>>({});
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    setBallot(null);
    setError(null);
    setChoices({});
    setDone(false);
    ballotApi.view(code).then(setBallot, setError);
  }, [code]);

  if (done) {
    return (
      <div id="ballot-thanks">
        <Result
          className="ballot-done"
          icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
          title={t('votes.ballot.thanks')}
          subTitle={t('votes.ballot.thanksHint')}
          extra={
            onDone ? (
              <Button type="primary" size="large" onClick={onDone}>
                {t('votes.kiosk.next')}
              </Button>
            ) : null
          }
        />
      </div>
    );
  }
  if (error && !ballot) {
    return (
      <div className="ballot-shell">
        <Alert id="ballot-error" type="error" showIcon title={errors.message(error)} />
        {onDone ? (
          <Button style={{ marginTop: 16 }} onClick={onDone}>
            {t('votes.kiosk.back')}
          </Button>
        ) : null}
      </div>
    );
  }
  if (!ballot) return <Spin style={{ display: 'block', margin: '64px auto' }} />;

  const complete = ballot.candidates.every((c) => choices[c.personId]);
  const cast = async () => {
    setSending(true);
    try {
      await ballotApi.cast(code, {
        choices: ballot.candidates.map((c) => ({ personId: c.personId, level: choices[c.personId] ?? null })),
      });
      setConfirming(false);
      setDone(true);
    } catch (err) {
      setConfirming(false);
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="ballot-shell">
      <div className="ballot-head">
        <div className="ballot-party">{ballot.unitName.toUpperCase()}</div>
        <h2 style={{ margin: '8px 0 0' }}>{t('votes.ballot.title')}</h2>
        <div>{ballot.title}</div>
        <div className="turnout-label">{formatDate(ballot.voteDate)}</div>
      </div>
      {error ? (
        <Alert type="error" showIcon title={errors.message(error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Alert type="info" showIcon title={t('votes.ballot.hint')} style={{ marginBottom: 12 }} />
      {ballot.candidates.map((c, i) => (
        <Card key={c.personId} className="ballot-card" id={`ballot-card-${i}`}>
          <div className="ballot-name">{c.fullName}</div>
          <div className="ballot-post">{c.post}</div>
          <div className="ballot-choices" role="radiogroup" aria-label={c.fullName}>
            {LEVELS.map((level) => (
              <Button
                key={level}
                id={`choice-${i}-${level}`}
                role="radio"
                aria-checked={choices[c.personId] === level}
                type={choices[c.personId] === level ? 'primary' : 'default'}
                danger={level === 'low' && choices[c.personId] === level}
                onClick={() => setChoices((prev) => ({ ...prev, [c.personId]: level }))}
              >
                {t(`votes.levels.${level}`)}
              </Button>
            ))}
          </div>
        </Card>
      ))}
      <div className="ballot-submit-bar">
        <Button
          id="ballot-submit"
          type="primary"
          block
          disabled={!complete}
          onClick={() => setConfirming(true)}
        >
          {complete ? t('votes.ballot.submit') : t('votes.ballot.chooseAll')}
        </Button>
      </div>
      <Modal
        open={confirming}
        title={t('votes.ballot.confirmTitle')}
        okText={t('votes.ballot.confirm')}
        cancelText={t('votes.ballot.review')}
        okButtonProps={{ id: 'ballot-confirm', loading: sending, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onOk={cast}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('votes.ballot.confirmHint')}</p>
        <ul>
          {ballot.candidates.map((c) => (
            <li key={c.personId}>
              <strong>{c.fullName}</strong>: {t(`votes.levels.${choices[c.personId] ?? 'high'}`)}
            </li>
          ))}
        </ul>
      </Modal>
    </div>
  );
}
