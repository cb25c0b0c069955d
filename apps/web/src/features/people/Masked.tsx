import { LockOutlined } from '@ant-design/icons';
import type { PartyStatus } from '@canbo/domain';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** A value the server hid: dots and a lock, with the reason on hover (or tap). */
export function Masked({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('people.maskedTip')}>
      <button type="button" className="masked-value" id={id} aria-label={t('people.masked')}>
        <LockOutlined /> ••••
      </button>
    </Tooltip>
  );
}

/** A CCCD as the server sent it: partly hidden ("001*******89") with the lock when masked. */
export function CccdValue({ cccd, masked }: { cccd: string | null; masked: boolean }) {
  const { t } = useTranslation();
  if (!masked) return <span className="cccd">{cccd ?? '—'}</span>;
  return (
    <Tooltip title={t('people.maskedTip')}>
      <button type="button" className="masked-value">
        <LockOutlined /> {cccd ?? '••••'}
      </button>
    </Tooltip>
  );
}

const PARTY_COLOR: Record<PartyStatus, string> = {
  none: 'default',
  probationary: 'orange',
  full: 'red',
  suspended: 'warning',
  removed: 'default',
};

export function PartyStatusTag({ status }: { status: PartyStatus }) {
  const { t } = useTranslation();
  if (status === 'none') return <span className="muted">{t('partyStatuses.none')}</span>;
  return <Tag color={PARTY_COLOR[status]}>{t(`partyStatuses.${status}`)}</Tag>;
}
